package city.vigil.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A maintenance window as the monitor applies it: when it is active and which channels it covers. Occurrence k spans
 * [startsAt + k·period, endsAt + k·period) and starts no later than {@code until}. Scope criteria are ANDed; an empty
 * criterion matches everything.
 */
public record MaintenanceRule(long id, Instant startsAt, Instant endsAt, Recurrence recurrence, Instant until, Set<String> gbIds,
                              String areaPath, Set<Integer> pointClasses, String maintainer) {

    /** The occurrence active at {@code at}, as [start, end), if any. */
    public Optional<Instant[]> occurrenceAt(Instant at) {
        if (at.isBefore(startsAt)) {
            return Optional.empty();
        }
        Instant start = startsAt;
        if (recurrence.period != null) {
            long k = Duration.between(startsAt, at).toMillis() / recurrence.period.toMillis();
            start = startsAt.plus(recurrence.period.multipliedBy(k));
        }
        Instant end = start.plus(Duration.between(startsAt, endsAt));
        if (until != null && start.isAfter(until) || !at.isBefore(end)) {
            return Optional.empty();
        }
        return Optional.of(new Instant[] {start, end});
    }

    public boolean activeAt(Instant at) {
        return occurrenceAt(at).isPresent();
    }

    /** The start of the next occurrence after {@code at}, if there is one. */
    public Optional<Instant> nextStartAfter(Instant at) {
        if (at.isBefore(startsAt)) {
            return Optional.of(startsAt);
        }
        if (recurrence.period == null) {
            return Optional.empty();
        }
        long k = Duration.between(startsAt, at).toMillis() / recurrence.period.toMillis() + 1;
        Instant next = startsAt.plus(recurrence.period.multipliedBy(k));
        return until != null && next.isAfter(until) ? Optional.empty() : Optional.of(next);
    }

    public boolean covers(String gbId, String channelAreaPath, int pointClass, String channelMaintainer) {
        return (gbIds.isEmpty() || gbIds.contains(gbId))
                && (areaPath == null || channelAreaPath.startsWith(areaPath))
                && (pointClasses.isEmpty() || pointClasses.contains(pointClass))
                && (maintainer == null || Objects.equals(maintainer, channelMaintainer));
    }
}
