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

    /** Bar width for a rate, 0–100. */
    static long width(Double rate) {
        return rate == null ? 0 : Math.round(rate * 100);
    }
}
