package city.vigil.area;

import java.util.regex.Pattern;

/** Levels of the administrative tree, top down, with the code format each level uses (GB/T 2260 above GRID). */
public enum AreaLevel {
    CITY("\\d{4}00", "6 digits ending in 00"),
    DISTRICT("\\d{6}", "6 digits"),
    STREET("\\d{9}", "9 digits"),
    COMMUNITY("\\d{12}", "12 digits"),
    GRID("[0-9A-Za-z_-]{1,32}", "1 to 32 letters, digits, '-' or '_'");

    private final Pattern code;
    public final String codeFormat;

    AreaLevel(String code, String codeFormat) {
        this.code = Pattern.compile(code);
        this.codeFormat = codeFormat;
    }

    public boolean accepts(String code) {
        return code != null && this.code.matcher(code).matches();
    }

    /** 1 for CITY … 5 for GRID: the position of this level's code in an area path. */
    public int depth() {
        return ordinal() + 1;
    }
}
