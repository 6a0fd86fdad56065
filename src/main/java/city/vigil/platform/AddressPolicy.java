package city.vigil.platform;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where Vigil may connect on behalf of data it was given (a camera's stream URL, a webhook's URL): one policy for
 * probes and webhooks (DESIGN §4), so a ledger or a subscription cannot turn Vigil into a scanner of its own network.
 *
 * <ul>
 *   <li>Never, unless a configured range names them: cloud metadata services (169.254.169.254, Alibaba Cloud's
 *   100.100.100.200, AWS's fd00:ec2::254, Azure's 168.63.129.16), link-local, multicast, broadcast and wildcard
 *   addresses.</li>
 *   <li>Loopback only with {@code allow-loopback} (demo, tests) or a range that names it, and then never on the ports
 *   of the services a host runs for itself ({@link #LOCAL_SERVICE_PORTS}: Redis, PostgreSQL, SSH …).</li>
 *   <li>Probes ({@link Use#PROBES}): cameras live in private ranges (RFC 1918, 100.64/10, fc00::/7), so those are
 *   allowed; configured ranges restrict probes to them (and loopback when allowed).</li>
 *   <li>Webhooks ({@link Use#WEBHOOKS}): public receivers are allowed; private ranges only when a configured range
 *   allows them (the ranges extend, they do not restrict).</li>
 *   <li>Port 0 and ports past 65535 never; configured ports only, when any are.</li>
 *   <li>A host written as a number in any form but canonical dotted decimal ({@code 0177.0.0.1}, {@code 0x7f.1},
 *   {@code 2130706433}) never: Java reads {@code 0177} as 177 where FFmpeg and libc read 127.</li>
 * </ul>
 */
public final class AddressPolicy {
    /** Ports of the services a host keeps for itself; never a camera's or an alerting system's on loopback. */
    public static final Set<Integer> LOCAL_SERVICE_PORTS = Set.of(22, 25, 53, 111, 2375, 2376, 2379, 2380, 3306, 5432, 6379, 6380, 9042, 9092,
            9200, 9300, 11211, 15672, 27017);
    private static final List<Cidr> METADATA = List.of(Cidr.parse("169.254.169.254/32"), Cidr.parse("100.100.100.200/32"),
            Cidr.parse("fd00:ec2::254/128"), Cidr.parse("168.63.129.16/32"), Cidr.parse("169.254.170.2/32"));
    private static final List<Cidr> PRIVATE = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"), Cidr.parse("192.168.0.0/16"),
            Cidr.parse("100.64.0.0/10"), Cidr.parse("fc00::/7"));
    private static final Cidr BROADCAST = Cidr.parse("255.255.255.255/32");
    private static final Pattern CANONICAL_IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** One to four parts, each a decimal, octal (0…) or hex (0x…) number: a host meant as a number, as inet_aton reads it. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}\\.?");

    private final List<Cidr> allowed;
    private final boolean allowLoopback;
    private final Set<Integer> ports;
    private final Use use;
    private final String rangesKey;

    /** Whom the policy serves: the two differ only in private ranges and in what configured ranges mean. */
    public enum Use { PROBES, WEBHOOKS }

    /**
     * {@code rangesKey}: the configuration key of the ranges, named in refusals so an operator knows what to change.
     */
    public AddressPolicy(List<String> allowedCidrs, boolean allowLoopback, Set<Integer> ports, Use use, String rangesKey) {
        this.allowed = allowedCidrs.stream().map(c -> {
            try {
                return Cidr.parse(c);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " in " + rangesKey, e);
            }
        }).toList();
        this.allowLoopback = allowLoopback;
        this.ports = ports;
        this.use = use;
        this.rangesKey = rangesKey;
    }

    /** Why the host as written is refused before any lookup (an ambiguous number), or empty. */
    public Optional<String> refuseHost(String host) {
        if (host == null || host.isBlank()) {
            return Optional.of("no host");
        }
        String h = host.startsWith("[") ? host : host.toLowerCase(java.util.Locale.ROOT);
        if (!h.startsWith("[") && NUMERIC_HOST.matcher(h).matches() && !CANONICAL_IPV4.matcher(h).matches()) {
            return Optional.of("host '" + host + "' is a number in a form other than dotted decimal (octal, hex or short), read differently by "
                    + "different programs");
        }
        return Optional.empty();
    }

    /** Why the port is refused, or empty; {@code address} is null when it is not resolved yet. */
    public Optional<String> refusePort(int port, InetAddress address) {
        if (port <= 0 || port > 65535) {
            return Optional.of("port " + port + " is not a port to connect to");
        }
        if (!ports.isEmpty() && !ports.contains(port)) {
            return Optional.of("port " + port + " is not in the allowed ports");
        }
        if (address != null && address.isLoopbackAddress() && LOCAL_SERVICE_PORTS.contains(port)) {
            return Optional.of("port " + port + " on loopback is a local service's (Redis, PostgreSQL, SSH …), not a camera's");
        }
        return Optional.empty();
    }

    /** Why the resolved address is refused, or empty. */
    public Optional<String> refuseAddress(InetAddress a) {
        boolean named = allowed.stream().anyMatch(c -> c.contains(a));
        if (METADATA.stream().anyMatch(c -> c.contains(a)) && !named) {
            return Optional.of(a.getHostAddress() + " is a cloud metadata address");
        }
        if ((a.isLinkLocalAddress() || a.isMulticastAddress() || a.isAnyLocalAddress() || BROADCAST.contains(a)) && !named) {
            return Optional.of(a.getHostAddress() + " is a link-local, multicast, broadcast or wildcard address");
        }
        if (a.isLoopbackAddress()) {
            return allowLoopback || named ? Optional.empty()
                    : Optional.of(a.getHostAddress() + " is a loopback address (allowed only with allow-loopback or in " + rangesKey + ")");
        }
        if (named) {
            return Optional.empty();
        }
        if (use == Use.PROBES) {
            return allowed.isEmpty() ? Optional.empty() : Optional.of(a.getHostAddress() + " is outside " + rangesKey);
        }
        boolean privateRange = PRIVATE.stream().anyMatch(c -> c.contains(a)) || a.isSiteLocalAddress();
        return privateRange ? Optional.of(a.getHostAddress() + " is a private address (allow it in " + rangesKey + ")") : Optional.empty();
    }

    /** Every check for one connection: the host as written, its resolved address and the port. */
    public Optional<String> refuse(String host, InetAddress address, int port) {
        Optional<String> refused = refuseHost(host);
        if (refused.isEmpty()) {
            refused = refuseAddress(address);
        }
        return refused.isPresent() ? refused : refusePort(port, address);
    }

}
