package city.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One address policy for probes and webhooks: where loopback is allowed (demo, tests) it is loopback only, never the
 * metadata services, link-local, multicast or wildcard; production refuses every cloud's metadata address; numbers in
 * forms other programs read differently are refused; port 0 and a host's own service ports are never dialled.
 */
class AddressPolicyTest {
    /** Probes in production: camera networks are private ranges, allowed by default. */
    private static final AddressPolicy PROBES = new AddressPolicy(List.of(), false, Set.of(), AddressPolicy.Use.PROBES, "ranges");
    /** Probes in the demo and the tests: loopback allowed as well. */
    private static final AddressPolicy PROBES_LOOPBACK = new AddressPolicy(List.of(), true, Set.of(), AddressPolicy.Use.PROBES, "ranges");
    /** Webhooks in production: public receivers only. */
    private static final AddressPolicy WEBHOOKS = new AddressPolicy(List.of(), false, Set.of(), AddressPolicy.Use.WEBHOOKS, "ranges");
    /** Webhooks in the demo: a receiver on this machine. */
    private static final AddressPolicy WEBHOOKS_LOOPBACK = new AddressPolicy(List.of(), true, Set.of(), AddressPolicy.Use.WEBHOOKS, "ranges");

    private static AddressPolicy policy(String name) {
        return switch (name) {
            case "probes" -> PROBES;
            case "probes+loopback" -> PROBES_LOOPBACK;
            case "webhooks" -> WEBHOOKS;
            case "webhooks+loopback" -> WEBHOOKS_LOOPBACK;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} {1}:{2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            probes            | 10.20.30.40      | 554   | allowed
            probes            | 192.168.1.64     | 554   | allowed
            probes            | 8.8.8.8          | 554   | allowed
            probes            | 127.0.0.1        | 8554  | refused: loopback
            probes            | 169.254.169.254  | 80    | refused: metadata
            probes            | 100.100.100.200  | 80    | refused: metadata
            probes            | fd00:ec2::254    | 80    | refused: metadata
            probes            | 168.63.129.16    | 80    | refused: metadata
            probes            | 0.0.0.0          | 554   | refused: wildcard
            probes            | ::               | 554   | refused: wildcard
            probes            | 224.0.0.1        | 554   | refused: multicast
            probes            | 255.255.255.255  | 554   | refused: broadcast
            probes            | 169.254.10.10    | 554   | refused: link-local
            probes            | fe80::1          | 554   | refused: link-local
            probes            | 10.1.1.1         | 0     | refused: port 0
            probes            | 10.1.1.1         | 70000 | refused: port 70000
            probes+loopback   | 127.0.0.1        | 8554  | allowed
            probes+loopback   | ::1              | 8554  | allowed
            probes+loopback   | 169.254.169.254  | 80    | refused: metadata
            probes+loopback   | 0.0.0.0          | 8554  | refused: wildcard
            probes+loopback   | 224.0.0.1        | 8554  | refused: multicast
            probes+loopback   | 169.254.1.1      | 8554  | refused: link-local
            probes+loopback   | 127.0.0.1        | 6379  | refused: local service
            probes+loopback   | 127.0.0.1        | 5432  | refused: local service
            probes+loopback   | 127.0.0.1        | 22    | refused: local service
            webhooks          | 8.8.8.8          | 443   | allowed
            webhooks          | 10.20.0.5        | 443   | refused: private
            webhooks          | 100.64.0.1       | 443   | refused: private
            webhooks          | 100.100.100.200  | 80    | refused: metadata
            webhooks          | fd00:ec2::254    | 80    | refused: metadata
            webhooks          | fc00::1          | 443   | refused: private
            webhooks          | 127.0.0.1        | 9000  | refused: loopback
            webhooks+loopback | 127.0.0.1        | 9000  | allowed
            webhooks+loopback | 169.254.169.254  | 80    | refused: metadata
            webhooks+loopback | 127.0.0.1        | 6379  | refused: local service
            """)
    void decides_every_kind_of_address(String policy, String address, int port, String expected) throws Exception {
        Optional<String> refused = policy(policy).refuse(address, InetAddress.getByName(address), port);
        if (expected.equals("allowed")) {
            assertThat(refused).isEmpty();
        } else {
            String why = expected.substring("refused: ".length());
            assertThat(refused).as(policy + " " + address + ":" + port).isPresent();
            assertThat(refused.get()).containsIgnoringCase(why.equals("local service") ? "local service" : why);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            0177.0.0.1
            0x7f.0.0.1
            0x7f000001
            2130706433
            127.1
            127.000.000.001
            0xa.0xb.0xc.0xd
            """)
    void refuses_a_host_written_as_a_number_in_any_form_but_dotted_decimal(String host) {
        assertThat(PROBES_LOOPBACK.refuseHost(host)).as(host).get().asString().contains("dotted decimal");
        assertThat(WEBHOOKS_LOOPBACK.refuseHost(host)).as(host).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            127.0.0.1
            10.1.2.3
            cam-01.example.net
            deadbeef.example.net
            face1.de
            cafe.be
            10.cam.local
            """)
    void takes_dotted_decimal_and_names_as_written(String host) {
        assertThat(PROBES.refuseHost(host)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            10.0.0.0/8
            172.16.0.0/12
            """)
    void with_ranges_configured_probes_go_only_there_and_webhooks_may_go_there_too(String range) throws Exception {
        AddressPolicy webhooks = new AddressPolicy(List.of(range), false, Set.of(), AddressPolicy.Use.WEBHOOKS, "ranges");
        InetAddress receiver = InetAddress.getByName(range.startsWith("10.") ? "10.9.9.9" : "172.20.1.1");
        assertThat(webhooks.refuse(receiver.getHostAddress(), receiver, 443)).as("a private receiver in an allowed range").isEmpty();
        assertThat(webhooks.refuse("8.8.8.8", InetAddress.getByName("8.8.8.8"), 443)).as("public receivers stay allowed").isEmpty();
        assertThat(webhooks.refuse("192.168.1.1", InetAddress.getByName("192.168.1.1"), 443)).get().asString().contains("private");
        AddressPolicy camerasOnly = new AddressPolicy(List.of(range), false, Set.of(554), AddressPolicy.Use.PROBES, "ranges");
        InetAddress inside = InetAddress.getByName(range.startsWith("10.") ? "10.9.9.9" : "172.20.1.1");
        assertThat(camerasOnly.refuse(inside.getHostAddress(), inside, 554)).isEmpty();
        assertThat(camerasOnly.refuse("192.168.1.1", InetAddress.getByName("192.168.1.1"), 554)).get().asString().contains("outside");
        assertThat(camerasOnly.refuse(inside.getHostAddress(), inside, 8554)).get().asString().contains("allowed ports");
    }
}
