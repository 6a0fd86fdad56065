package city.vigil.outage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** An outage as clients see it; {@code ack} when an operator acknowledged it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutageView(long id, String gbId, String areaCode, int pointClass, String cause, Instant startedAt, Instant endedAt,
                         boolean open, long durationSeconds, Ack ack) {

    /** Who acknowledged the outage, when, and why. */
    public record Ack(String by, Instant at, String note) {
    }
}
