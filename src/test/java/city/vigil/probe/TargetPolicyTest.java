package city.vigil.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetPolicyTest {
    private final TargetPolicy production = new TargetPolicy(List.of("10.0.0.0/8", "172.16.0.0/12"), false, Set.of(554, 80, 8080));

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void refuses_metadata_loopback_and_addresses_outside_the_camera_network() throws Exception {
        assertThat(production.refuseAddress(ip("10.20.30.40"), 554)).isEmpty();
        assertThat(production.refuseAddress(ip("172.31.255.1"), 554)).isEmpty();
        assertThat(production.refuseAddress(ip("169.254.169.254"), 80)).get().asString().contains("metadata");
        assertThat(production.refuseAddress(ip("127.0.0.1"), 554)).get().asString().contains("loopback");
        assertThat(production.refuseAddress(ip("8.8.8.8"), 554)).get().asString().contains("outside");
        assertThat(production.refuseAddress(ip("172.32.0.1"), 554)).as("just past 172.16/12").isPresent();
    }

    @Test
    void checks_scheme_and_port_before_any_lookup() {
        assertThat(production.refuseUrl(URI.create("rtsp://10.1.1.1/x"), 554)).isEmpty();
        assertThat(production.refuseUrl(URI.create("rtsp://10.1.1.1:8554/x"), 8554)).get().asString().contains("port 8554");
        assertThat(production.refuseUrl(URI.create("file:///etc/passwd"), 80)).get().asString().contains("scheme");
        assertThat(production.refuseUrl(URI.create("rtsp://0177.0.0.1/x"), 554)).as("read as 177.0.0.1 by Java, 127.0.0.1 by FFmpeg")
                .get().asString().contains("dotted decimal");
        assertThat(production.refuseUrl(URI.create("rtsp://10.1.1.1:0/x"), 0)).get().asString().contains("port 0");
    }

    @Test
    void loopback_only_when_allowed_as_for_the_demo_simulator() throws Exception {
        TargetPolicy demo = new TargetPolicy(List.of("10.0.0.0/8"), true, Set.of());
        assertThat(demo.refuseAddress(ip("127.0.0.1"), 8554)).isEmpty();
        assertThat(demo.refuseAddress(ip("192.168.1.1"), 554)).isPresent();
        assertThat(demo.refuseAddress(ip("169.254.169.254"), 80)).as("loopback allowed is loopback only").isPresent();
        assertThat(demo.refuseUrl(URI.create("http://127.0.0.1:6379/"), 6379)).as("Redis beside Vigil").isPresent();
        assertThatThrownBy(() -> new TargetPolicy(List.of("camera-net"), false, Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
