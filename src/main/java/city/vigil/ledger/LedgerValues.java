package city.vigil.ledger;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads ledger cell text as typed values: codes and their Chinese names, dates in the formats ledgers use. */
final class LedgerValues {
    private LedgerValues() {
    }

    /** A cell that cannot be read; the message says what was expected. */
    static final class BadValue extends Exception {
        BadValue(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Map<String, Integer> POINT_CLASSES = Map.of(
            "一类", 1, "一类点", 1, "一类视频监控点", 1, "二类", 2, "二类点", 2, "二类视频监控点", 2,
            "三类", 3, "三类点", 3, "三类视频监控点", 3, "公安内部视频监控点", 4);
    private static final Map<String, Integer> CAMERA_TYPES = Map.of(
            "球机", 1, "半球", 2, "固定枪机", 3, "枪机", 3, "遥控枪机", 4, "遥控半球", 5, "全景", 6, "多目全景", 6,
            "多目分割", 7, "未知", 99);
    private static final Map<String, Integer> DIRECTIONS = Map.ofEntries(
            Map.entry("东", 1), Map.entry("西", 2), Map.entry("南", 3), Map.entry("北", 4), Map.entry("东南", 5),
            Map.entry("东北", 6), Map.entry("西南", 7), Map.entry("西北", 8), Map.entry("全向", 9),
            Map.entry("E", 1), Map.entry("W", 2), Map.entry("S", 3), Map.entry("N", 4), Map.entry("SE", 5),
            Map.entry("NE", 6), Map.entry("SW", 7), Map.entry("NW", 8), Map.entry("OMNI", 9));
    private static final Map<String, String> LIFECYCLES = Map.of(
            "1", "IN_USE", "2", "REPAIR", "3", "REMOVED", "在用", "IN_USE", "维修", "REPAIR", "拆除", "REMOVED",
            "IN_USE", "IN_USE", "REPAIR", "REPAIR", "REMOVED", "REMOVED");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyyMMdd"), DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy年M月d日"));

    static Integer pointClass(String s) throws BadValue {
        if (s == null) {
            return null;
        }
        Integer named = POINT_CLASSES.get(s);
        if (named != null) {
            return named;
        }
        if (s.startsWith("其他")) {
            return 9;
        }
        return integer(s, "1, 2, 3, 4 or 9 (or 一类/二类/三类)");
    }

    static Integer cameraType(String s) throws BadValue {
        if (s == null) {
            return null;
        }
        Integer named = CAMERA_TYPES.get(s);
        return named != null ? named : integer(s, "a camera type code 1–7 or 99 (or 球机/半球/固定枪机…)");
    }

    static Integer direction(String s) throws BadValue {
        if (s == null) {
            return null;
        }
        Integer named = DIRECTIONS.get(s.toUpperCase(Locale.ROOT));
        return named != null ? named : integer(s, "a direction code 1–9 (or 东/西/南/北/东南/东北/西南/西北/全向)");
    }

    static String lifecycle(String s) throws BadValue {
        if (s == null) {
            return null;
        }
        String value = LIFECYCLES.get(s.toUpperCase(Locale.ROOT));
        if (value == null) {
            throw new BadValue("must be 1 在用, 2 维修 or 3 拆除 (or IN_USE, REPAIR, REMOVED)");
        }
        return value;
    }

    static Boolean bool(String s) throws BadValue {
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "y", "是", "已联网" -> true;
            case "0", "2", "false", "no", "n", "否", "未联网" -> false;
            default -> throw new BadValue("must be 1 (已联网) or 0 (未联网)");
        };
    }

    static Integer integer(String s, String expected) throws BadValue {
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.endsWith(".0") ? s.substring(0, s.length() - 2) : s);
        } catch (NumberFormatException e) {
            throw new BadValue("must be " + expected);
        }
    }

    static Double decimal(String s) throws BadValue {
        if (s == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadValue("must be a number");
        }
    }

    static LocalDate date(String s) throws BadValue {
        if (s == null) {
            return null;
        }
        String day = s.length() > 10 && (s.charAt(10) == ' ' || s.charAt(10) == 'T') ? s.substring(0, 10) : s;
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(day, f);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        throw new BadValue("must be a date such as 2021-06-01 or 2021/6/1");
    }

    static List<String> tags(String s) {
        if (s == null) {
            return null;
        }
        return Arrays.stream(s.split("[;|、；]")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
}
