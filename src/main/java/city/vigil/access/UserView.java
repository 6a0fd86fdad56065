package city.vigil.access;

import java.time.Instant;
import java.util.List;

/** A user as admins see it: never the password hash. */
public record UserView(String name, String role, List<String> areas, boolean mustChangePassword, Instant lockedUntil, Instant lastLoginAt,
                       Instant createdAt, boolean disabled) {

    static UserView of(UserStore.User u) {
        Instant locked = u.lockedUntil() != null && u.lockedUntil().isAfter(Instant.now()) ? u.lockedUntil() : null;
        return new UserView(u.name(), u.role().id(), u.areaCodes(), u.mustChangePassword(), locked, u.lastLoginAt(), u.createdAt(),
                u.disabledAt() != null);
    }
}
