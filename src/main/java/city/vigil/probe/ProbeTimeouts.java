package city.vigil.probe;

import java.time.Duration;

/** Hard deadlines of one probe: to connect, to the first byte of the answer, and for the whole exchange. */
public record ProbeTimeouts(Duration connect, Duration firstByte, Duration total) {

    public static ProbeTimeouts defaults() {
        return new ProbeTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(6));
    }
}
