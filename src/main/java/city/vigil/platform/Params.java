package city.vigil.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Parses query parameters by hand so a bad value gets a 400 naming the parameter, not a framework 404. */
public final class Params {
    private Params() {
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public static <T> T body(T body) {
        if (body == null) {
            throw new ApiException(ApiError.MALFORMED_BODY, "A JSON body is required");
        }
        return body;
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** One of a closed set of words (any case), or null when absent; 400 naming the choices otherwise. */
    public static String oneOf(String name, String value, String... allowed) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v.trim())) {
                return a;
            }
        }
        throw ApiException.invalid(name, "must be one of " + String.join(", ", allowed));
    }

    /** A keyset cursor that must be a GB/T 28181 ID (the lists ordered by it): 400 for anything else. */
    public static String gbIdCursor(String name, String value) {
        String v = blankToNull(value);
        if (v != null && !v.trim().matches("\\d{20}")) {
            throw ApiException.invalid(name, "must be a 20-digit GB/T 28181 ID: pass the next of the previous page");
        }
        return v == null ? null : v.trim();
    }

    public static Boolean bool(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        return switch (value.trim().toLowerCase()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.invalid(name, "must be true or false");
        };
    }

    /** A whole number, or null when absent. */
    public static Long wholeNumber(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be a whole number");
        }
    }

    /** Comma-separated whole numbers, each one of {@code allowed}. */
    public static List<Integer> ints(String name, String value, int... allowed) {
        List<Integer> result = new ArrayList<>();
        if (blankToNull(value) == null) {
            return result;
        }
        for (String part : value.split(",")) {
            try {
                int n = Integer.parseInt(part.trim());
                if (Arrays.stream(allowed).noneMatch(a -> a == n)) {
                    throw new NumberFormatException();
                }
                result.add(n);
            } catch (NumberFormatException e) {
                throw ApiException.invalid(name, "'" + part.trim() + "' is not one of "
                        + Arrays.stream(allowed).mapToObj(String::valueOf).collect(Collectors.joining(", ")));
            }
        }
        return result;
    }

    /** {@code minLon,minLat,maxLon,maxLat} in WGS-84 degrees. */
    public static double[] bbox(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        String[] parts = value.split(",");
        if (parts.length != 4) {
            throw ApiException.invalid(name, "must be minLon,minLat,maxLon,maxLat");
        }
        double[] box = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                box[i] = Double.parseDouble(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be four numbers: minLon,minLat,maxLon,maxLat");
        }
        if (box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90 || box[0] > box[2] || box[1] > box[3]) {
            throw ApiException.invalid(name, "must be minLon,minLat,maxLon,maxLat within WGS-84 ranges with min ≤ max");
        }
        return box;
    }

    /** An ISO-8601 instant ({@code 2026-11-21T08:00:00Z} or with an offset), or null when absent. */
    public static java.time.Instant instant(String name, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(v).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.invalid(name, "is not an ISO-8601 time with an offset, such as 2026-11-21T08:00:00+08:00");
        }
    }
}
