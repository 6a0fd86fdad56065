package city.vigil.dashboard;

import city.vigil.area.Area;
import city.vigil.area.AreaLevel;
import city.vigil.area.AreaService;
import city.vigil.availability.AvailabilityConfig;
import city.vigil.availability.AvailabilityService;
import city.vigil.availability.DailyAssessment;
import city.vigil.checkpoint.CheckpointHealthService;
import city.vigil.coverage.BlindSpots;
import city.vigil.coverage.CoverageQueries;
import city.vigil.outage.OutageFigures;
import city.vigil.platform.ApiError;
import city.vigil.platform.ApiException;
import city.vigil.platform.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Reads an area's past for its overview page through the availability, assessment, checkpoint, coverage and outage
 * services. These figures move by the hour, and a city's 30-day offenders take a scan of its outage history: each
 * area's history is kept for {@code vigil.dashboard.history-ttl} per caller scope, so a page drawn again is not a scan again.
 */
@ApplicationScoped
public class HistoryService {
    private static final int LISTED = 10;
    private record Key(Scope scope, String areaCode) {
    }

    private final Kept<Key, AreaHistory> kept = new Kept<>(2_000);
    private final AreaService areas;
    private final AvailabilityService availability;
    private final AvailabilityConfig availabilityConfig;
    private final DailyAssessment assessment;
    private final CheckpointHealthService checkpoints;
    private final CoverageQueries coverage;
    private final OutageFigures outages;
    private final DashboardConfig config;

    HistoryService(AreaService areas, AvailabilityService availability, AvailabilityConfig availabilityConfig, DailyAssessment assessment,
                   CheckpointHealthService checkpoints, CoverageQueries coverage, OutageFigures outages, DashboardConfig config) {
        this.areas = areas;
        this.availability = availability;
        this.availabilityConfig = availabilityConfig;
        this.assessment = assessment;
        this.checkpoints = checkpoints;
        this.coverage = coverage;
        this.outages = outages;
        this.config = config;
    }

    public AreaHistory history(Scope scope, String areaCode) {
        return kept.get(new Key(scope, areaCode), config.historyTtl(), () -> read(scope, areaCode));
    }

    private AreaHistory read(Scope scope, String areaCode) {
        Area area = areaCode == null ? null : areas.get(scope, areaCode);
        Instant now = Instant.now();
        Instant firstHour = now.truncatedTo(ChronoUnit.HOURS).minus(23, ChronoUnit.HOURS);
        Instant firstDay = LocalDate.now(availabilityConfig.zone()).minusDays(29).atStartOfDay(availabilityConfig.zone()).toInstant();
        TrendChart day = TrendChart.of(availability.trend(scope, areaCode, ChronoUnit.HOURS, 24), ChronoUnit.HOURS, 24, firstHour);
        TrendChart month = TrendChart.of(availability.trend(scope, areaCode, ChronoUnit.DAYS, 30), ChronoUnit.DAYS, 30, firstDay);
        String yesterday = LocalDate.now(availabilityConfig.zone()).minusDays(1).toString();
        // The assessment is kept for the city and its districts; deeper areas have none.
        DailyAssessment.Result assessed = area == null || area.level.ordinal() <= AreaLevel.DISTRICT.ordinal()
                ? assessment.read(scope, areaCode, yesterday, yesterday) : null;
        Instant monthAgo = now.minus(Duration.ofDays(30));
        return new AreaHistory(now, day, month, assessed, checkpoints.rates(scope, areaCode, null, 24).total(), blindSpots(scope, areaCode),
                outages.chronic(scope, area, monthAgo, LISTED, false), outages.chronic(scope, area, monthAgo, LISTED, true));
    }

    /** Null while the coverage book is being built (a few seconds after start). */
    private BlindSpots blindSpots(Scope scope, String areaCode) {
        try {
            return coverage.blindSpots(scope, areaCode, LISTED);
        } catch (ApiException e) {
            if (e.error == ApiError.NOT_READY) {
                return null;
            }
            throw e;
        }
    }
}
