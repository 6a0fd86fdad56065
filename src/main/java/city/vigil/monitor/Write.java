package city.vigil.monitor;

import java.time.Instant;

/** What the monitor hands to the {@link StatusWriter}: the event loop decides, the writer does the I/O. */
sealed interface Write {

    /** A channel's status changed; {@code from} is the previous state when this is a state transition. */
    record Status(ChannelStatus status, String imageFault, Instant lastSeen, Instant lastProbe, String detail, LinkState from)
            implements Write {
    }

    /** A channel left the registry. */
    record Removed(String gbId) implements Write {
    }

    /** {@code cause}: a probe cause, or an image fault for a DEGRADED channel ({@code degraded}). */
    record OpenOutage(String gbId, String areaPath, int pointClass, String cause, boolean degraded, Instant at) implements Write {
    }

    record CloseOutage(String gbId, Instant at) implements Write {
    }

    /** The channel started flapping: one event instead of a storm of downs and ups. */
    record Flapping(String gbId, int pointClass, Instant at) implements Write {
    }

    /** How the channel's time counts for availability changed at {@code at}. */
    record Category(String gbId, TimeCategory category, Instant at) implements Write {
    }
}
