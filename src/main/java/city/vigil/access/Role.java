package city.vigil.access;

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

    public static Optional<Role> parse(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }
}
