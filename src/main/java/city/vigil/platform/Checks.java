package city.vigil.platform;

import java.util.ArrayList;
import java.util.List;

/** Collects every field error of a request so the caller learns all of them at once. */
public final class Checks {
    private final List<FieldError> errors;
    private final String prefix;

    public Checks() {
        this("", new ArrayList<>());
    }

    private Checks(String prefix, List<FieldError> errors) {
        this.prefix = prefix;
        this.errors = errors;
    }

    /** Checks of a nested object or array element, reported under {@code field.} into the same list. */
    public Checks nested(String field) {
        return new Checks(prefix + field + ".", errors);
    }

    public Checks fail(String field, String reason) {
        errors.add(new FieldError(prefix + field, reason));
        return this;
    }

    public boolean required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            fail(field, "is required");
            return false;
        }
        return true;
    }

    public void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            fail(field, "must be at most " + max + " characters");
        }
    }

    public void range(String field, Number value, double min, double max) {
        if (value != null && !(value.doubleValue() >= min && value.doubleValue() <= max)) {
            fail(field, "must be between " + format(min) + " and " + format(max));
        }
    }

    public void oneOf(String field, Integer value, int... allowed) {
        if (value == null) {
            return;
        }
        for (int a : allowed) {
            if (value == a) {
                return;
            }
        }
        StringBuilder sb = new StringBuilder("must be one of ");
        for (int i = 0; i < allowed.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(allowed[i]);
        }
        fail(field, sb.toString());
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Throws a 400 with every collected error, if any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
