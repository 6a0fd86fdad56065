package city.vigil.dashboard;

import city.vigil.availability.Availability;
import city.vigil.availability.AvailabilityService;
import city.vigil.camera.Camera;
import city.vigil.camera.CameraService;
import city.vigil.deep.DeepConfig;
import city.vigil.deep.DeepService;
import city.vigil.deep.DiagnosisStore;
import city.vigil.deep.DiagnosisView;
import city.vigil.gbid.GbId;
import city.vigil.maintenance.MaintenanceRequest;
import city.vigil.maintenance.MaintenanceService;
import city.vigil.maintenance.MaintenanceView;
import city.vigil.outage.AckRequest;
import city.vigil.outage.OutageService;
import city.vigil.outage.OutageView;
import city.vigil.platform.ApiException;
import city.vigil.platform.Scope;
import city.vigil.status.ChannelView;
import city.vigil.status.StatusService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One camera as an operator sees it: who and where it is, its state and why, how its time counted over 24 hours,
 * 7 and 30 days, its outages and their acknowledgements, its last picture and diagnosis, its maintenance windows;
 * and what the operator can do about it: check it now, acknowledge its outage, schedule maintenance.
 */
@ApplicationScoped
public class CameraDesk {
    /** Times typed into the page's forms are China time, as everything on the pages. */
    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private final CameraService cameras;
    private final StatusService statuses;
    private final OutageService outages;
    private final AvailabilityService availability;
    private final DiagnosisStore diagnoses;
    private final DeepService deep;
    private final DeepConfig deepConfig;
    private final MaintenanceService maintenance;

    CameraDesk(CameraService cameras, StatusService statuses, OutageService outages, AvailabilityService availability, DiagnosisStore diagnoses,
               DeepService deep, DeepConfig deepConfig, MaintenanceService maintenance) {
        this.cameras = cameras;
        this.statuses = statuses;
        this.outages = outages;
        this.availability = availability;
        this.diagnoses = diagnoses;
        this.deep = deep;
        this.deepConfig = deepConfig;
        this.maintenance = maintenance;
    }

    /** One camera as its page shows it; {@code snapshotStale}: its picture is older than its deep sweep should allow. */
    public record CameraPage(Camera camera, GbId id, ChannelView status, List<OutageView> outages, OutageView openOutage,
                             List<StateStrip> strips, DiagnosisView diagnosis, boolean snapshotStale, List<MaintenanceView> maintenance,
                             Instant at) {
    }

    public CameraPage camera(Scope scope, String gbId) {
        Camera camera = cameras.get(scope, gbId);
        Instant now = Instant.now();
        // The ID decoded (centre, industry, type, network, serial) when it is a well-formed GB/T 28181 ID.
        GbId id = GbId.problem(gbId).isEmpty() ? GbId.parse(gbId) : null;
        List<OutageView> log = outages.list(scope, new OutageService.Filter(null, null, null, gbId), null, 20).items();
        OutageView open = log.stream().filter(OutageView::open).findFirst().orElse(null);
        List<StateStrip> strips = List.of(strip("24h", Duration.ofHours(24), gbId, now), strip("7d", Duration.ofDays(7), gbId, now),
                strip("30d", Duration.ofDays(30), gbId, now));
        DiagnosisView diagnosis = diagnoses.find(gbId).orElse(null);
        // A sweep reaches each camera once per interval, somewhere in it: older than two intervals, a sweep missed it.
        Duration sweep = camera.pointClass == 1 ? deepConfig.class1Interval() : deepConfig.interval();
        boolean stale = diagnosis != null && diagnosis.snapshotAt() != null && diagnosis.snapshotAt().isBefore(now.minus(sweep.multipliedBy(2)));
        return new CameraPage(camera, id, statuses.status(scope, gbId), log, open, strips, diagnosis, stale,
                maintenance.forCamera(scope, gbId, camera.areaPath, camera.pointClass, camera.maintainerUnit), now);
    }

    /** Decodes and diagnoses the camera now (the deep tier's check-now); false when it has no stream to check. */
    public boolean checkNow(Scope scope, String gbId) {
        cameras.get(scope, gbId);
        return deep.checkNow(gbId).isPresent();
    }

    /** Acknowledges the camera's open outage. */
    public void acknowledge(Scope scope, String gbId, String by, String note) {
        cameras.get(scope, gbId);
        OutageView open = outages.list(scope, new OutageService.Filter(null, true, null, gbId), null, 1).items().stream().findFirst()
                .orElseThrow(() -> ApiException.invalid("outage", "the camera has no open outage"));
        outages.acknowledge(scope, open.id(), new AckRequest(by, note));
    }

    /** Schedules a one-off maintenance window for this camera; {@code startsAt}/{@code endsAt} as a page's datetime-local, China time. */
    public long scheduleMaintenance(Scope scope, String gbId, String by, String reason, String startsAt, String endsAt) {
        cameras.get(scope, gbId);
        return maintenance.create(scope, new MaintenanceRequest(reason, local("startsAt", startsAt), local("endsAt", endsAt), null, null,
                List.of(gbId), null, null, null, by)).id;
    }

    private StateStrip strip(String period, Duration length, String gbId, Instant now) {
        List<Availability.Interval> intervals = availability.intervals(gbId, now.minus(length), now);
        return StateStrip.of(period, length, now, intervals, availability.channel(gbId, now.minus(length), now).availability());
    }

    private static OffsetDateTime local(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(LOCAL).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date and time such as 2026-12-03T22:00");
        }
    }
}
