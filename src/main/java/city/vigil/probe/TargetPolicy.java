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

    /** An address range such as {@code 10.0.0.0/8} or {@code fd00::/8}. */
    record Cidr(byte[] network, int bits) {
        static Cidr parse(String text) {
            String[] parts = text.trim().split("/");
            // A literal address only: a name here would mean a DNS lookup at start-up, and a range that moves with DNS.
            byte[] address = NetUtil.createByteArrayFromIpAddressString(parts[0]);
            if (address == null || parts.length > 2) {
                throw new IllegalArgumentException("invalid CIDR '" + text + "'");
            }
            try {
                int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : address.length * 8;
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("invalid CIDR '" + text + "'");
                }
                return new Cidr(address, bits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid CIDR '" + text + "'", e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (address instanceof Inet6Address != (network.length == 16) || a.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
