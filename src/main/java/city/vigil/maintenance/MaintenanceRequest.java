package city.vigil.maintenance;

import java.time.OffsetDateTime;
import java.util.List;

/** A maintenance window as clients write it. At least one scope criterion (gbIds, area, pointClasses, maintainerUnit). */
public record MaintenanceRequest(String reason, OffsetDateTime startsAt, OffsetDateTime endsAt, Recurrence recurrence,
                                 OffsetDateTime until, List<String> gbIds, String area, List<Integer> pointClasses,
                                 String maintainerUnit, String createdBy) {
}
