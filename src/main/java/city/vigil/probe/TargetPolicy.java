package city.vigil.probe;

import city.vigil.platform.AddressPolicy;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where probes may go (DESIGN §4). A registry entry is data from a ledger, not a trusted instruction: a URL pointing at
 * a cloud metadata service or at Vigil's own host must not turn the prober into a scanner. Schemes, the host as written
 * and ports are checked first, then the resolved address, by the {@link AddressPolicy} webhooks share: camera networks
 * are private ranges, so those are allowed unless camera-network ranges are configured, when only those are.
 */
public final class TargetPolicy {
    private static final Set<String> SCHEMES = Set.of("rtsp", "rtsps", "http", "https", "tcp");

    private final AddressPolicy addresses;

    public TargetPolicy(List<String> allowedCidrs, boolean allowLoopback, Set<Integer> ports) {
        this.addresses = new AddressPolicy(allowedCidrs, allowLoopback, ports, AddressPolicy.Use.PROBES, "vigil.probe.targets.allowed-cidrs");
    }

    public static TargetPolicy permissive() {
        return new TargetPolicy(List.of(), true, Set.of());
    }

    /** Why the URL may not be probed before any lookup (scheme, host as written, port), or empty. */
    public Optional<String> refuseUrl(URI url, int port) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return Optional.of("scheme '" + scheme + "' is not probed");
        }
        if (url.getHost() == null) {
            return Optional.of("no host");
        }
        Optional<String> refused = addresses.refuseHost(url.getHost());
        return refused.isPresent() ? refused : addresses.refusePort(port, literal(url.getHost()));
    }

    /** Why the resolved address may not be probed on that port, or empty. */
    public Optional<String> refuseAddress(InetAddress address, int port) {
        Optional<String> refused = addresses.refuseAddress(address);
        return refused.isPresent() ? refused : addresses.refusePort(port, address);
    }

    /** Why the resolved address may not be probed on any port, or empty (cacheable per host). */
    public Optional<String> refuseAddress(InetAddress address) {
        return addresses.refuseAddress(address);
    }

    /** Why this port of that address may not be probed (a host's own services on loopback), or empty. */
    public Optional<String> refusePort(int port, InetAddress address) {
        return addresses.refusePort(port, address);
    }

    /** The address a literal host stands for; null for a name. */
    private static InetAddress literal(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!NetUtil.isValidIpV4Address(h) && !NetUtil.isValidIpV6Address(h)) {
            return null;
        }
        try {
            return InetAddress.getByAddress(NetUtil.createByteArrayFromIpAddressString(h));
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
