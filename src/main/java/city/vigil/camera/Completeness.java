package city.vigil.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Record completeness (信息完整率, DESIGN §1): the mandatory fields a camera lacks for its point class. Every class
 * needs an address (GB/T 28181 catalog: Address is required for devices); class 1 and 2 need lat/lon; class 1 also
 * needs install time, contact and record days (GB/T 28181-2022 catalog: required for 一类).
 */
public final class Completeness {

    private record Rule(String field, List<Integer> classes, Predicate<CameraRequest> filled) {
    }

    private static final List<Integer> ALL = List.of(1, 2, 3, 4, 9);
    private static final List<Rule> RULES = List.of(
            new Rule("address", ALL, r -> notBlank(r.address())),
            new Rule("lat", List.of(1, 2), r -> r.lat() != null),
            new Rule("lon", List.of(1, 2), r -> r.lon() != null),
            new Rule("installedOn", List.of(1), r -> r.installedOn() != null),
            new Rule("contact", List.of(1), r -> notBlank(r.contact())),
            new Rule("recordDays", List.of(1), r -> r.recordDays() != null));

    private Completeness() {
    }

    /** Names of the mandatory fields the record lacks, in a fixed order; empty when complete. */
    public static List<String> missing(CameraRequest camera) {
        List<String> missing = new ArrayList<>();
        if (camera.pointClass() == null) {
            return missing;
        }
        for (Rule rule : RULES) {
            if (rule.classes().contains(camera.pointClass()) && !rule.filled().test(camera)) {
                missing.add(rule.field());
            }
        }
        return missing;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
