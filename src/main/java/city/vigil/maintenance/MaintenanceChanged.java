package city.vigil.maintenance;

/** CDI event after a maintenance window was created, changed or deleted (observed after commit by the monitor). */
public record MaintenanceChanged(long id) {
}
