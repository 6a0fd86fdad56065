package city.vigil.access;

import city.vigil.platform.Checks;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a person or key may do. Each role includes the ones before it: an operator can do what an integrator can,
 * an admin everything. Operations declare the lowest role that may call them ({@link Roles}).
 */
public enum Role {
    VIEWER, INTEGRATOR, OPERATOR, ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean covers(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** The role names Quarkus checks {@code @RolesAllowed} against: this role and every role below it. */
    public Set<String> grantedNames() {
        return Arrays.stream(values()).filter(this::covers).map(Role::id).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The role a grant names (a new key or user, or a change of one), checked: required, one of the four, and not
     * above the granting caller's own. Null, with the reason in {@code checks}, when it is not.
     */
    static Role grantable(Checks checks, Caller granter, String id) {
        if (!checks.required("role", id)) {
            return null;
        }
        Role role = parse(id).orElse(null);
        if (role == null) {
            checks.fail("role", "must be viewer, integrator, operator or admin");
        } else if (!granter.role().covers(role)) {
            checks.fail("role", "cannot be above your own role");
        }
        return role;
    }

    public static Optional<Role> parse(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }
}
