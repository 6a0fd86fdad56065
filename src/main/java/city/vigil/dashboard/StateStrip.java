package city.vigil.dashboard;

import city.vigil.availability.Availability;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A camera's time over one period as a strip of coloured stretches (up, down, maintenance, unknown, removed), in
 * percent of the strip's width, with its availability beside it in figures.
 */
public record StateStrip(String period, Double availability, List<Stretch> stretches) {

    /** One stretch: where it starts and how wide, in percent; its category; when it started. */
    public record Stretch(String x, String width, String category, Instant start) {
    }

    static StateStrip of(String period, Duration length, Instant now, List<Availability.Interval> intervals, Double availability) {
        Instant from = now.minus(length);
        double total = length.toMillis();
        List<Stretch> stretches = new ArrayList<>();
        for (Availability.Interval i : intervals) {
            Instant start = i.start().isBefore(from) ? from : i.start();
            Instant end = i.end() == null || i.end().isAfter(now) ? now : i.end();
            if (!end.isAfter(start)) {
                continue;
            }
            double x = (start.toEpochMilli() - from.toEpochMilli()) / total * 100;
            double w = (end.toEpochMilli() - start.toEpochMilli()) / total * 100;
            stretches.add(new Stretch(format(x), format(Math.max(w, 0.2)), i.category().name(), i.start()));
        }
        return new StateStrip(period, availability, stretches);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
