package city.vigil.monitor;

import city.vigil.status.ChannelStatus;
import city.vigil.status.LinkState;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * What the monitor hands to the {@link StatusWriter}: the event loop decides, the writer does the I/O. Kept as JSON in
 * {@link PendingWrites} when PostgreSQL is away at a stop.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "write")
@JsonSubTypes({@JsonSubTypes.Type(Write.Status.class), @JsonSubTypes.Type(Write.Removed.class), @JsonSubTypes.Type(Write.OpenOutage.class),
        @JsonSubTypes.Type(Write.CloseOutage.class), @JsonSubTypes.Type(Write.Flapping.class), @JsonSubTypes.Type(Write.Category.class)})
sealed interface Write {

    /** A channel's status changed; {@code from} is the previous state when this is a state transition. */
    record Status(ChannelStatus status, String imageFault, Instant lastSeen, Instant lastProbe, String detail, LinkState from)
            implements Write {
    }

    /** A channel left the registry. */
    record Removed(String gbId) implements Write {
    }

    /**
     * {@code cause}: a probe cause, or an image fault for a DEGRADED channel ({@code degraded}); {@code replacedCause}: the
     * cause of the outage of the other kind this one replaces (null when the channel was up).
     */
    record OpenOutage(String gbId, String areaPath, int pointClass, String cause, boolean degraded, Instant at, String replacedCause)
            implements Write {
        OpenOutage(String gbId, String areaPath, int pointClass, String cause, boolean degraded, Instant at) {
            this(gbId, areaPath, pointClass, cause, degraded, at, null);
        }
    }

    /**
     * {@code recovered}: the channel is up again (a camera.online goes out); false when an outage of the other kind
     * replaces this one at once (an image fault became a loss of stream: the camera.offline that follows says so).
     */
    record CloseOutage(String gbId, Instant at, boolean recovered) implements Write {
        CloseOutage(String gbId, Instant at) {
            this(gbId, at, true);
        }
    }

    /** The channel started flapping: one event instead of a storm of downs and ups. */
    record Flapping(String gbId, int pointClass, Instant at) implements Write {
    }

    /** How the channel's time counts for availability changed at {@code at}. */
    record Category(String gbId, TimeCategory category, Instant at) implements Write {
    }
}
