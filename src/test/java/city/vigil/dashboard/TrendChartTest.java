package city.vigil.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.availability.AvailabilityService.TrendPoint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trend charts: one line per class on a fixed time axis, a floor below the lowest figure, gaps left out. */
class TrendChartTest {
    private static final Instant FIRST = Instant.parse("2026-12-02T16:00:00Z");

    @Test
    void places_each_hour_on_the_axis_and_keeps_the_last_figure() {
        TrendChart chart = TrendChart.of(List.of(new TrendPoint(FIRST, 1, 0.99), new TrendPoint(FIRST.plus(23, ChronoUnit.HOURS), 1, 0.95),
                new TrendPoint(FIRST.plus(1, ChronoUnit.HOURS), 2, null), new TrendPoint(FIRST.plus(2, ChronoUnit.HOURS), 2, 1.0)),
                ChronoUnit.HOURS, 24, FIRST);
        assertThat(chart.floor()).as("rounded down below 95% less a margin").isEqualTo(0.9);
        assertThat(chart.floorLabel()).isEqualTo("90%");
        assertThat(chart.lines()).extracting(TrendChart.Line::pointClass).containsExactly("1", "2");
        TrendChart.Line class1 = chart.lines().get(0);
        assertThat(class1.points()).isEqualTo("0.0,12.0 480.0,60.0");
        assertThat(class1.last()).isEqualTo(0.95);
        assertThat(chart.lines().get(1).points()).as("the hour without a figure is left out").isEqualTo("41.7,0.0");
    }

    @Test
    void nothing_counted_draws_no_line() {
        assertThat(TrendChart.of(List.of(new TrendPoint(FIRST, 1, null)), ChronoUnit.DAYS, 30, FIRST).empty()).isTrue();
    }
}
