package city.vigil.webhook;

import city.vigil.probe.Cidr;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may be sent (DESIGN §4): http(s) to public addresses; loopback, private, link-local (the cloud
 * metadata service among them), wildcard and multicast addresses only when a configured range allows them. Checked
 * when a subscription is saved and again, on the resolved address, before every delivery (DNS can change).
 */
final class WebhookTargets {
    private final List<Cidr> allowed;

    WebhookTargets(List<String> allowedCidrs) {
        this.allowed = allowedCidrs.stream().map(c -> {
            try {
                return Cidr.parse(c);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " in vigil.webhooks.targets.allowed-cidrs", e);
            }
        }).toList();
    }

    /** Why the URL's form is refused (scheme, host, user info), or empty. */
    static Optional<String> refuseUrl(URI url) {
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
        return Optional.empty();
    }

    /** Why the host's address is refused, or empty; names are resolved. */
    Optional<String> refuseHost(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                Optional<String> refused = refuseAddress(a);
                if (refused.isPresent()) {
                    return refused;
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("host '" + host + "' does not resolve");
        }
    }

    Optional<String> refuseAddress(InetAddress a) {
        boolean internal = a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress() || uniqueLocal(a) || sharedAddressSpace(a);
        if (!internal || allowed.stream().anyMatch(c -> c.contains(a))) {
            return Optional.empty();
        }
        return Optional.of(a.getHostAddress() + " is a private, loopback or link-local address (allow it in vigil.webhooks.targets.allowed-cidrs)");
    }

    /** fc00::/7 */
    private static boolean uniqueLocal(InetAddress a) {
        return !(a instanceof Inet4Address) && (a.getAddress()[0] & 0xFE) == 0xFC;
    }

    /** 100.64.0.0/10 (carrier-grade NAT) */
    private static boolean sharedAddressSpace(InetAddress a) {
        byte[] b = a.getAddress();
        return a instanceof Inet4Address && (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64;
    }
}
