package city.vigil.probe;

import java.time.Duration;

/**
 * What one liveness probe found: up, or down with a cause, how long it took, and a short detail for operators
 * (never a URL with credentials).
 */
public record ProbeResult(boolean up, ProbeCause cause, Duration latency, String detail) {

    public static ProbeResult up(Duration latency) {
        return new ProbeResult(true, null, latency, null);
    }

    public static ProbeResult down(ProbeCause cause, Duration latency, String detail) {
        return new ProbeResult(false, cause, latency, detail);
    }
}
