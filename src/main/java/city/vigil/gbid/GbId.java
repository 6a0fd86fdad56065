package city.vigil.gbid;

import java.util.Optional;

/**
 * A GB/T 28181 device ID: centre code (8, the administrative division padded with 0), industry (2), type (3),
 * network (1) and serial (6).
 */
public record GbId(String value) {

    /** Why a string is not a GB/T 28181 ID, or empty when it is one. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("is required");
        }
        if (value.length() != 20) {
            return Optional.of("must be 20 digits, not " + value.length() + " characters");
        }
        for (int i = 0; i < 20; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of("must be 20 digits; character " + (i + 1) + " is '" + c + "'");
            }
        }
        return Optional.empty();
    }

    public static GbId parse(String value) {
        problem(value).ifPresent(p -> {
            throw new IllegalArgumentException("GB/T 28181 ID " + p);
        });
        return new GbId(value);
    }

    public String centreCode() {
        return value.substring(0, 8);
    }

    /**
     * The administrative division the centre code names, with its zero padding removed by levels: {@code 44010600}
     * → {@code 440106}, {@code 44010000} → {@code 4401}, {@code 44000000} → {@code 44}.
     */
    public String divisionCode() {
        String division = value.substring(0, 6);
        while (division.length() > 2 && division.endsWith("00")) {
            division = division.substring(0, division.length() - 2);
        }
        return division;
    }

    public String industryCode() {
        return value.substring(8, 10);
    }

    public int typeCode() {
        return Integer.parseInt(value.substring(10, 13));
    }

    public char networkCode() {
        return value.charAt(13);
    }

    public String serial() {
        return value.substring(14);
    }

    public boolean isA(DeviceKind kind) {
        return kind.typeCodes.contains(typeCode());
    }

    public Optional<String> industryName() {
        return Optional.ofNullable(GbIdCodes.INDUSTRIES.get(industryCode()));
    }

    public Optional<String> typeName() {
        return Optional.ofNullable(GbIdCodes.TYPES.get(typeCode())).map(GbIdCodes.Type::name);
    }

    public Optional<String> typeGroup() {
        return Optional.ofNullable(GbIdCodes.TYPES.get(typeCode())).map(GbIdCodes.Type::group);
    }

    public String networkName() {
        return GbIdCodes.NETWORKS.get(networkCode());
    }

    /** Whether the division this ID names contains the given district or city code (prefix match by level). */
    public boolean divisionContains(String areaDivisionCode) {
        return areaDivisionCode.startsWith(divisionCode());
    }

    /**
     * A warning (not an error: ledgers are messy) when the division this ID names does not contain the area a record
     * is placed in, judged by the deepest 6-digit (district or city) code on the area's path.
     */
    public Optional<String> divisionWarning(String areaCode, String areaPath) {
        String district = null;
        for (String code : areaPath.split("/")) {
            if (code.length() == 6 && code.chars().allMatch(Character::isDigit)) {
                district = code;
            }
        }
        if (district == null || divisionContains(district)) {
            return Optional.empty();
        }
        return Optional.of("gbId centre code " + centreCode() + " names division " + divisionCode() + ", but area "
                + areaCode + " is in " + district);
    }

    @Override
    public String toString() {
        return value;
    }
}
