package city.vigil.maintenance;

import java.time.Instant;
import java.util.List;

/** A maintenance window as the API shows it, with whether it is active now and when it next starts. */
public record MaintenanceView(long id, String reason, Instant startsAt, Instant endsAt, Recurrence recurrence, Instant until,
                              List<String> gbIds, String area, List<Integer> pointClasses, String maintainerUnit, String createdBy,
                              boolean active, Instant nextStart, long version) {

    static MaintenanceView of(MaintenanceWindow w, Instant now) {
        MaintenanceRule rule = w.rule();
        return new MaintenanceView(w.id, w.reason, w.startsAt, w.endsAt, w.recurrence, w.until, List.copyOf(w.gbIds), w.areaCode,
                List.copyOf(w.pointClasses), w.maintainerUnit, w.createdBy, rule.activeAt(now), rule.nextStartAfter(now).orElse(null),
                w.version);
    }
}
