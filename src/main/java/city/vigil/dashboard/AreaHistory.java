package city.vigil.dashboard;

import city.vigil.availability.DailyAssessment;
import city.vigil.checkpoint.CheckpointRates;
import city.vigil.coverage.BlindSpots;
import city.vigil.outage.OutageFigures;
import java.time.Instant;
import java.util.List;

/**
 * What an overview page shows of the past, read once when the page is drawn (these change by the hour, not by the
 * second): online-rate trends for 24 hours and 30 days per class, yesterday's daily assessment, the checkpoints'
 * online and timeliness rates, uncovered key sites, and the cameras that go down most over 30 days.
 */
public record AreaHistory(Instant at, TrendChart day, TrendChart month, DailyAssessment.Result yesterday, CheckpointRates.Row checkpoints,
                          BlindSpots blindSpots, List<OutageFigures.Offender> mostOutages, List<OutageFigures.Offender> longestDown) {

    /** Checkpoints online (all lanes up or some down) of those whose lanes' state is known. */
    public Double checkpointOnlineRate() {
        if (checkpoints == null) {
            return null;
        }
        long known = checkpoints.online() + checkpoints.degraded() + checkpoints.offline();
        return known == 0 ? null : (checkpoints.online() + checkpoints.degraded()) / (double) known;
    }
}
