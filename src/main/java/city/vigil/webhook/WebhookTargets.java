package city.vigil.webhook;

import city.vigil.platform.AddressPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a webhook may be sent (DESIGN §4): http(s) to public addresses; private, loopback and the rest only as the
 * {@link AddressPolicy} probes share allows (a configured range, or {@code allow-loopback} for a receiver on the same
 * machine, as in the demo). Checked when a subscription is saved and again, on the resolved address, before every
 * delivery (DNS can change).
 */
final class WebhookTargets {
    private final AddressPolicy addresses;

    WebhookTargets(List<String> allowedCidrs, boolean allowLoopback) {
        this.addresses = new AddressPolicy(allowedCidrs, allowLoopback, Set.of(), AddressPolicy.Use.WEBHOOKS, "vigil.webhooks.targets.allowed-cidrs");
    }

    /** Why a delivery to this URL is refused (its form, the host as written, each address it resolves to, the port), or empty. */
    Optional<String> refuse(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            return Optional.of("has no host");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        Optional<String> refused = addresses.refuseHost(url.getHost());
        if (refused.isPresent()) {
            return refused;
        }
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        try {
            for (InetAddress a : InetAddress.getAllByName(url.getHost())) {
                refused = addresses.refuseAddress(a).or(() -> addresses.refusePort(port, a));
                if (refused.isPresent()) {
                    return refused;
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("host '" + url.getHost() + "' does not resolve");
        }
    }
}
