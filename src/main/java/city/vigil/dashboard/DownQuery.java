package city.vigil.dashboard;

import city.vigil.outage.OutageFigures;
import city.vigil.platform.ApiException;
import city.vigil.platform.Params;
import city.vigil.probe.ImageFault;
import city.vigil.probe.ProbeCause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The down list's filter as the page's form sends it: point class, liveness cause, image fault, down for at least
 * (5m, 1h, 1d), acknowledged or not, and the page number. Checked here, so a wrong value is a 400 naming the field.
 */
public record DownQuery(Integer pointClass, String cause, String fault, String downFor, Boolean acknowledged, int page) {
    public static final List<String> DURATIONS = List.of("5m", "1h", "1d");
    public static final List<String> CAUSES = Stream.concat(Arrays.stream(ProbeCause.values()).map(Enum::name), Stream.of("UNKNOWN")).toList();
    public static final List<String> FAULTS = Arrays.stream(ImageFault.values()).map(Enum::name).toList();

    public static final DownQuery FIRST_PAGE = new DownQuery(null, null, null, null, null, 1);

    public static DownQuery parse(String pointClass, String cause, String fault, String downFor, String ack, String page) {
        List<Integer> classes = Params.ints("class", Params.blankToNull(pointClass), 1, 2, 3, 4, 9);
        String c = Params.blankToNull(cause);
        String f = Params.blankToNull(fault);
        if (c != null && !CAUSES.contains(c)) {
            throw ApiException.invalid("cause", "must be one of " + String.join(", ", CAUSES));
        }
        if (f != null && !FAULTS.contains(f)) {
            throw ApiException.invalid("fault", "must be one of " + String.join(", ", FAULTS));
        }
        String d = Params.blankToNull(downFor);
        if (d != null && !DURATIONS.contains(d)) {
            throw ApiException.invalid("downFor", "must be one of " + String.join(", ", DURATIONS));
        }
        Long p = Params.wholeNumber("page", Params.blankToNull(page));
        if (p != null && (p < 1 || p > 100_000)) {
            throw ApiException.invalid("page", "must be between 1 and 100000");
        }
        return new DownQuery(classes == null || classes.isEmpty() ? null : classes.get(0), c, f, d, Params.bool("ack", Params.blankToNull(ack)),
                p == null ? 1 : p.intValue());
    }

    OutageFigures.DownFilter filter() {
        List<String> causes = new ArrayList<>();
        if (cause != null) {
            causes.add(cause);
        }
        if (fault != null) {
            causes.add(fault);
        }
        return new OutageFigures.DownFilter(pointClass, causes, downFor == null ? null : duration(downFor), acknowledged);
    }

    /** The query string of this filter at another page, for the pager's links and the live stream. */
    public String queryString(int atPage) {
        StringBuilder sb = new StringBuilder();
        append(sb, "class", pointClass);
        append(sb, "cause", cause);
        append(sb, "fault", fault);
        append(sb, "downFor", downFor);
        append(sb, "ack", acknowledged);
        append(sb, "page", atPage == 1 ? null : atPage);
        return sb.toString();
    }

    public String queryString() {
        return queryString(page);
    }

    /** What the form offers. */
    public List<Integer> classes() {
        return List.of(1, 2, 3, 4, 9);
    }

    public List<String> causes() {
        return CAUSES;
    }

    public List<String> faults() {
        return FAULTS;
    }

    public List<String> durations() {
        return DURATIONS;
    }

    public boolean filtered() {
        return pointClass != null || cause != null || fault != null || downFor != null || acknowledged != null;
    }

    private static void append(StringBuilder sb, String name, Object value) {
        if (value != null) {
            sb.append(sb.length() == 0 ? "?" : "&").append(name).append('=').append(value);
        }
    }

    private static Duration duration(String d) {
        return switch (d) {
            case "5m" -> Duration.ofMinutes(5);
            case "1h" -> Duration.ofHours(1);
            default -> Duration.ofDays(1);
        };
    }
}
