package city.vigil.probe;

import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where probes may go (DESIGN §4). A registry entry is data from a ledger, not a trusted instruction: a URL pointing
 * at the cloud metadata service or at Vigil's own host must not turn the prober into a scanner. Schemes and ports
 * are checked first, then the address: loopback, link-local, multicast and wildcard addresses are refused unless
 * loopback is explicitly allowed (demo, tests); when camera-network ranges are configured, only those are allowed.
 */
public final class TargetPolicy {
    private static final Set<String> SCHEMES = Set.of("rtsp", "rtsps", "http", "https", "tcp");

    private final List<Cidr> allowed;
    private final boolean allowLoopback;
    private final Set<Integer> ports;

    public TargetPolicy(List<String> allowedCidrs, boolean allowLoopback, Set<Integer> ports) {
        this.allowed = allowedCidrs.stream().map(Cidr::parse).toList();
        this.allowLoopback = allowLoopback;
        this.ports = ports;
    }

    public static TargetPolicy permissive() {
        return new TargetPolicy(List.of(), true, Set.of());
    }

    /** Why the URL may not be probed before any lookup (scheme, port), or empty. */
    public Optional<String> refuseUrl(URI url, int port) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return Optional.of("scheme '" + scheme + "' is not probed");
        }
        if (url.getHost() == null) {
            return Optional.of("no host");
        }
        if (!ports.isEmpty() && !ports.contains(port)) {
            return Optional.of("port " + port + " is not in vigil.monitor.targets.allowed-ports");
        }
        return Optional.empty();
    }

    /** Why the resolved address may not be probed, or empty. */
    public Optional<String> refuseAddress(InetAddress address) {
        boolean special = address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress();
        if (special && !allowLoopback) {
            return Optional.of(address.getHostAddress() + " is a loopback, link-local or wildcard address");
        }
        if (!allowed.isEmpty() && !(special && allowLoopback) && allowed.stream().noneMatch(c -> c.contains(address))) {
            return Optional.of(address.getHostAddress() + " is outside the camera-network ranges");
        }
        return Optional.empty();
    }
}
