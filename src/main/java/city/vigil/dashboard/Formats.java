package city.vigil.dashboard;

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

    /** Bar width for a rate, 0–100. */
    static long width(Double rate) {
        return rate == null ? 0 : Math.round(rate * 100);
    }
}
