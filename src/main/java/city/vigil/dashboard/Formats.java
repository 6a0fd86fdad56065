package city.vigil.dashboard;

import city.vigil.status.LinkState;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write figures: rates as percentages with one decimal, counts with separators, times in China time. */
@TemplateExtension(namespace = "fmt")
final class Formats {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private Formats() {
    }

    /** {@code 0.9634} → {@code 96.3%}; no figure → an em dash. */
    static String pct(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String clock(Instant at) {
        return at == null ? "—" : CLOCK.format(at);
    }

    /** How long, as operators read it: {@code 3d 04:12}, {@code 04:12:09}. */
    static String duration(long seconds) {
        long d = seconds / 86_400;
        long h = seconds % 86_400 / 3_600;
        long m = seconds % 3_600 / 60;
        return d > 0 ? String.format(Locale.ROOT, "%dd %02d:%02d", d, h, m) : String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, seconds % 60);
    }

    /** How long since {@code since}, as {@link #duration}. */
    static String age(Instant since) {
        return since == null ? "—" : duration(Math.max(0, Instant.now().getEpochSecond() - since.getEpochSecond()));
    }

    /** The sign beside a state's colour, so colour is never the only signal. */
    static String sign(LinkState state) {
        return switch (state) {
            case ONLINE -> "✔";
            case DEGRADED -> "◐";
            case OFFLINE -> "✖";
            case UNREACHABLE -> "⇣";
            case UNKNOWN -> "?";
        };
    }

    /**
     * How long since {@code since} to the minute ({@code 7m}, {@code 2h05m}, {@code 3d04h}): what the live panels show,
     * so that a panel is drawn anew when a figure changes, not every second because a clock moved.
     */
    static String minutes(Instant since) {
        if (since == null) {
            return "—";
        }
        long m = Math.max(0, Instant.now().getEpochSecond() - since.getEpochSecond()) / 60;
        if (m < 60) {
            return m + "m";
        }
        if (m < 24 * 60) {
            return String.format(Locale.ROOT, "%dh%02dm", m / 60, m % 60);
        }
        return String.format(Locale.ROOT, "%dd%02dh", m / (24 * 60), m % (24 * 60) / 60);
    }

    /** The sign of a state read from the database (a down list's row); blank for none. */
    static String signOf(String state) {
        return state == null ? "?" : sign(LinkState.valueOf(state));
    }

    /** A change of rate in percentage points with its direction in text: {@code ▲ 1.2}, {@code ▼ 0.4}, {@code = 0.0}. */
    static String change(Double delta) {
        if (delta == null) {
            return "—";
        }
        double points = delta * 100;
        String arrow = points >= 0.05 ? "▲" : points <= -0.05 ? "▼" : "=";
        return arrow + " " + String.format(Locale.ROOT, "%.1f", Math.abs(points));
    }

    /** A duration in seconds that may be missing. */
    static String durationOf(Long seconds) {
        return seconds == null ? "—" : duration(seconds);
    }

    /** Bar width for a share of a whole, 0–100. */
    static long share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 100.0 / whole);
    }

    /** Bar width for a rate, 0–100. */
    static long width(Double rate) {
        return rate == null ? 0 : Math.round(rate * 100);
    }
}
