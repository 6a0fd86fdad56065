package city.vigil.dashboard;

import city.vigil.availability.AvailabilityService.TrendPoint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An online-rate trend drawn as inline SVG on the server (no chart library, nothing to download): one polyline per
 * point class over a fixed time axis, the y axis from a rounded floor below the lowest value to 100%.
 */
public record TrendChart(List<Line> lines, double floor, int points) {
    public static final int WIDTH = 480;
    public static final int HEIGHT = 120;

    /** One point class: its polyline's points ({@code x,y x,y …}) and its latest value. */
    public record Line(String pointClass, String points, Double last) {
    }

    public boolean empty() {
        return lines.isEmpty();
    }

    public String floorLabel() {
        return Math.round(floor * 100) + "%";
    }

    /** {@code points} slots of {@code step} ending with the current one; gaps where a slot has no figure. */
    static TrendChart of(List<TrendPoint> trend, ChronoUnit step, int points, Instant firstSlot) {
        double lowest = trend.stream().filter(p -> p.availability() != null).mapToDouble(TrendPoint::availability).min().orElse(1);
        double floor = Math.max(0, Math.floor((lowest - 0.02) * 10) / 10);
        Map<Integer, List<TrendPoint>> byClass = new TreeMap<>();
        trend.forEach(p -> byClass.computeIfAbsent(p.pointClass(), c -> new ArrayList<>()).add(p));
        List<Line> lines = new ArrayList<>();
        long slot = step.getDuration().getSeconds();
        byClass.forEach((pointClass, series) -> {
            StringBuilder sb = new StringBuilder();
            Double last = null;
            for (TrendPoint p : series) {
                if (p.availability() == null) {
                    continue;
                }
                long index = (p.at().getEpochSecond() - firstSlot.getEpochSecond()) / slot;
                double x = points == 1 ? 0 : index * (double) WIDTH / (points - 1);
                double y = HEIGHT - (p.availability() - floor) / (1 - floor) * HEIGHT;
                sb.append(sb.length() == 0 ? "" : " ").append(format(x)).append(',').append(format(y));
                last = p.availability();
            }
            if (last != null) {
                lines.add(new Line(String.valueOf(pointClass), sb.toString(), last));
            }
        });
        return new TrendChart(lines, floor == 1 ? 0.9 : floor, points);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
