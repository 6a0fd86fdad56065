package city.vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.monitor.TimeCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Availability figures against a second-by-second reference over random histories. */
class AvailabilityTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @RepeatedTest(200)
    void random_histories_match_a_second_by_second_count(org.junit.jupiter.api.RepetitionInfo run) {
        SplittableRandom random = new SplittableRandom(run.getCurrentRepetition() * 7919L);
        // A history of 2 to 40 stretches, each 1 s to 3 h, of random categories; the last one may still be open.
        List<Availability.Interval> intervals = new ArrayList<>();
        Instant t = T0.plusSeconds(random.nextInt(0, 7200));
        int n = random.nextInt(2, 40);
        for (int i = 0; i < n; i++) {
            Instant end = t.plusSeconds(random.nextInt(1, 3 * 3600));
            TimeCategory c = TimeCategory.values()[random.nextInt(TimeCategory.values().length)];
            intervals.add(new Availability.Interval(c, t, i == n - 1 && random.nextBoolean() ? null : end));
            t = end;
        }
        Instant now = t.plusSeconds(random.nextInt(0, 3600));
        List<Availability.Outage> outages = outagesOf(intervals, now);
        Instant from = T0.plusSeconds(random.nextInt(0, 20 * 3600));
        Instant to = from.plusSeconds(random.nextInt(1, 48 * 3600));

        Availability a = Availability.of(intervals, outages, from, to, now);

        Map<TimeCategory, Long> expected = new EnumMap<>(TimeCategory.class);
        Instant end = to.isAfter(now) ? now : to;
        for (Instant s = from; s.isBefore(end); s = s.plusSeconds(1)) {
            for (Availability.Interval i : intervals) {
                Instant iEnd = i.end() == null ? now : i.end();
                if (!s.isBefore(i.start()) && s.isBefore(iEnd)) {
                    expected.merge(i.category(), 1L, Long::sum);
                }
            }
        }
        assertThat(a.upSeconds()).isEqualTo(expected.getOrDefault(TimeCategory.UP, 0L));
        assertThat(a.downSeconds()).isEqualTo(expected.getOrDefault(TimeCategory.DOWN, 0L));
        assertThat(a.maintenanceSeconds()).isEqualTo(expected.getOrDefault(TimeCategory.MAINTENANCE, 0L));
        assertThat(a.unknownSeconds()).isEqualTo(expected.getOrDefault(TimeCategory.UNKNOWN, 0L));
        assertThat(a.removedSeconds()).isEqualTo(expected.getOrDefault(TimeCategory.REMOVED, 0L));
        long started = outages.stream().filter(o -> !o.start().isBefore(from) && o.start().isBefore(end)).count();
        assertThat(a.outages()).isEqualTo(started);
        if (started > 0) {
            assertThat(a.mttrSeconds()).isEqualTo(a.downSeconds() / started);
            assertThat(a.mtbfSeconds()).isEqualTo(a.upSeconds() / started);
        } else {
            assertThat(a.mttrSeconds()).isNull();
            assertThat(a.mtbfSeconds()).isNull();
        }
        Double availability = a.availability();
        long counted = a.upSeconds() + a.downSeconds();
        if (counted == 0) {
            assertThat(availability).isNull();
        } else {
            assertThat(availability).isCloseTo(a.upSeconds() / (double) counted, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    /** Each maximal run of DOWN stretches is one outage. */
    private static List<Availability.Outage> outagesOf(List<Availability.Interval> intervals, Instant now) {
        List<Availability.Outage> out = new ArrayList<>();
        Instant start = null;
        for (Availability.Interval i : intervals) {
            if (i.category() == TimeCategory.DOWN && start == null) {
                start = i.start();
            } else if (i.category() != TimeCategory.DOWN && start != null) {
                out.add(new Availability.Outage(start, i.start()));
                start = null;
            }
        }
        if (start != null) {
            Availability.Interval last = intervals.get(intervals.size() - 1);
            out.add(new Availability.Outage(start, last.end()));
        }
        return out;
    }

    @Test
    void mttr_and_mtbf_of_a_known_day() {
        // 00:00–10:00 up, 10:00–10:30 down, 10:30–20:00 up, 20:00–21:00 maintenance, 21:00–21:10 down, 21:10–24:00 up.
        Instant d = Instant.parse("2026-11-20T00:00:00Z");
        List<Availability.Interval> h = List.of(
                new Availability.Interval(TimeCategory.UP, d, d.plusSeconds(36_000)),
                new Availability.Interval(TimeCategory.DOWN, d.plusSeconds(36_000), d.plusSeconds(37_800)),
                new Availability.Interval(TimeCategory.UP, d.plusSeconds(37_800), d.plusSeconds(72_000)),
                new Availability.Interval(TimeCategory.MAINTENANCE, d.plusSeconds(72_000), d.plusSeconds(75_600)),
                new Availability.Interval(TimeCategory.DOWN, d.plusSeconds(75_600), d.plusSeconds(76_200)),
                new Availability.Interval(TimeCategory.UP, d.plusSeconds(76_200), null));
        List<Availability.Outage> o = List.of(new Availability.Outage(d.plusSeconds(36_000), d.plusSeconds(37_800)),
                new Availability.Outage(d.plusSeconds(75_600), d.plusSeconds(76_200)));

        Availability a = Availability.of(h, o, d, d.plusSeconds(86_400), d.plusSeconds(90_000));

        assertThat(a.downSeconds()).isEqualTo(2_400);
        assertThat(a.maintenanceSeconds()).isEqualTo(3_600);
        assertThat(a.upSeconds()).isEqualTo(86_400 - 2_400 - 3_600);
        assertThat(a.outages()).isEqualTo(2);
        assertThat(a.mttrSeconds()).isEqualTo(1_200);
        assertThat(a.mtbfSeconds()).isEqualTo((86_400 - 6_000) / 2);
        assertThat(a.longestOutageSeconds()).isEqualTo(1_800);
        assertThat(a.availability()).isEqualTo(Math.round(80_400 * 1_000_000.0 / 82_800) / 1_000_000.0);
    }
}
