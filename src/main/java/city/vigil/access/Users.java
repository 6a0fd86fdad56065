package city.vigil.access;

import city.vigil.platform.ApiError;
import city.vigil.platform.ApiException;
import city.vigil.platform.Checks;
import city.vigil.platform.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** People who log in to the pages: accounts, passwords, lockout after repeated failures. */
@ApplicationScoped
public class Users {
    private static final String NAME_PATTERN = "[\\p{L}\\p{N}._-]{2,64}";

    /** What a login attempt came to. Unknown user and wrong password are one answer, so names cannot be probed. */
    public sealed interface Login {
        record Accepted(UserStore.User user) implements Login {
        }

        record Denied() implements Login {
        }

        record LockedOut(Duration retryAfter) implements Login {
        }
    }

    private final UserStore store;
    private final SessionStore sessions;
    private final AreaScopes areas;
    private final AccessConfig config;
    /** Hashed when the user does not exist, so a wrong name takes as long as a wrong password. */
    private final String decoyHash;

    Users(UserStore store, SessionStore sessions, AreaScopes areas, AccessConfig config) {
        this.store = store;
        this.sessions = sessions;
        this.areas = areas;
        this.config = config;
        this.decoyHash = Passwords.hash(Secrets.token(16), config.passwordIterations());
    }

    public Login login(String name, String password) {
        Optional<UserStore.User> found = name == null ? Optional.empty() : store.find(name);
        if (found.isEmpty() || found.get().disabledAt() != null) {
            Passwords.verify(password == null ? "" : password, decoyHash);
            return new Login.Denied();
        }
        UserStore.User user = found.get();
        Instant now = Instant.now();
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            // The password is not even checked while locked: guessing on does not test guesses.
            return new Login.LockedOut(Duration.between(now, user.lockedUntil()));
        }
        if (password == null || !Passwords.verify(password, user.passwordHash())) {
            int failures = user.failedLogins() + 1;
            Instant lockedUntil = null;
            if (failures >= config.lockoutThreshold()) {
                Duration wait = config.lockoutBase().multipliedBy(1L << Math.min(20, failures - config.lockoutThreshold()));
                lockedUntil = now.plus(wait.compareTo(config.lockoutMax()) > 0 ? config.lockoutMax() : wait);
            }
            store.failed(user.name(), failures, lockedUntil);
            return lockedUntil == null ? new Login.Denied() : new Login.LockedOut(Duration.between(now, lockedUntil));
        }
        store.loggedIn(user.name());
        return new Login.Accepted(user);
    }

    public Optional<UserStore.User> find(String name) {
        return store.find(name).filter(u -> u.disabledAt() == null);
    }

    public UserView create(Caller caller, UserRequest request) {
        if (request == null) {
            throw ApiException.invalid("name", "is required");
        }
        Checks checks = new Checks();
        if (checks.required("name", request.name()) && !request.name().matches(NAME_PATTERN)) {
            checks.fail("name", "must be 2-64 letters, digits, '.', '_' or '-'");
        }
        if (checks.required("password", request.password()) && request.name() != null) {
            String weak = Passwords.weakness(request.password(), request.name());
            if (weak != null) {
                checks.fail("password", weak);
            }
        }
        Role role = Role.grantable(checks, caller, request.role());
        if (request.disabled() != null) {
            checks.fail("disabled", "is set by a change, not at creation");
        }
        checks.throwIfAny();
        List<String> codes = areas.checkGrant(caller.scope(), request.areas());
        if (!store.insert(request.name(), Passwords.hash(request.password(), config.passwordIterations()), role, codes, true)) {
            throw new ApiException(ApiError.DUPLICATE, "User '" + request.name() + "' already exists");
        }
        return get(caller, request.name());
    }

    /** Users by name; the cursor is the last name in hex, so a cursor that is not one is a 400, not an empty page. */
    public Page<UserView> list(Caller caller, String after, int limit) {
        return Page.of(store.list(decodeCursor(after), limit + 1, caller.scope().areaPaths()), limit,
                u -> HexFormat.of().formatHex(u.name().getBytes(StandardCharsets.UTF_8)), UserView::of);
    }

    private static String decodeCursor(String after) {
        if (after == null) {
            return null;
        }
        if (!after.matches("([0-9a-f]{2}){1,256}")) {
            throw ApiException.invalid("after", "is not a cursor from this list's 'next'");
        }
        return new String(HexFormat.of().parseHex(after), StandardCharsets.UTF_8);
    }

    public UserView get(Caller caller, String name) {
        return UserView.of(visible(caller, name));
    }

    /** Role, areas, a one-time password or disabling: the fields given. A new password or disabling ends the user's sessions. */
    public UserView patch(Caller caller, String name, UserRequest request) {
        UserStore.User user = visible(caller, name);
        if (request == null) {
            throw ApiException.invalid("role", "give at least one field to change");
        }
        Checks checks = new Checks();
        if (request.name() != null && !request.name().equals(name)) {
            checks.fail("name", "cannot be changed");
        }
        Role role = request.role() == null ? user.role() : Role.grantable(checks, caller, request.role());
        if (request.password() != null) {
            String weak = Passwords.weakness(request.password(), name);
            if (weak != null) {
                checks.fail("password", weak);
            }
        }
        if (caller.kind() == Caller.Kind.USER && caller.name().equals(name) && (request.role() != null || Boolean.TRUE.equals(request.disabled()))) {
            checks.fail(request.role() != null ? "role" : "disabled", "cannot be changed on your own account");
        }
        checks.throwIfAny();
        List<String> codes = request.areas() == null ? user.areaCodes() : areas.checkGrant(caller.scope(), request.areas());
        Instant disabledAt = request.disabled() == null ? user.disabledAt() : request.disabled() ? Instant.now() : null;
        store.update(name, role, codes, disabledAt);
        if (request.password() != null) {
            store.setPassword(name, Passwords.hash(request.password(), config.passwordIterations()), true);
        }
        if (request.password() != null || disabledAt != null) {
            sessions.closeAll(name, null);
        }
        return get(caller, name);
    }

    /** The user's own change: the current password proves it is them; other sessions end, this one stays. */
    public void changePassword(String name, PasswordChange change, String keepSessionId) {
        UserStore.User user = store.find(name).orElseThrow(() -> ApiException.notFound("User", name));
        Checks checks = new Checks();
        if (change == null || change.currentPassword() == null || !Passwords.verify(change.currentPassword(), user.passwordHash())) {
            checks.fail("currentPassword", "is not your current password");
        }
        String weak = change == null ? "is required" : Passwords.weakness(change.newPassword(), name);
        if (weak != null) {
            checks.fail("newPassword", weak);
        } else if (change.newPassword().equals(change.currentPassword())) {
            checks.fail("newPassword", "must differ from the current password");
        }
        checks.throwIfAny();
        store.setPassword(name, Passwords.hash(change.newPassword(), config.passwordIterations()), false);
        sessions.closeAll(name, keepSessionId);
    }

    /** The first admin with a one-time password, when nobody can log in yet; empty when users exist. */
    Optional<String> createFirstAdmin(String name) {
        if (store.any()) {
            return Optional.empty();
        }
        String password = Secrets.readable(20);
        return store.insert(name, Passwords.hash(password, config.passwordIterations()), Role.ADMIN, List.of(), true)
                ? Optional.of(password) : Optional.empty();
    }

    private UserStore.User visible(Caller caller, String name) {
        return store.find(name).filter(u -> areas.within(caller.scope(), u.areaCodes())).orElseThrow(() -> ApiException.notFound("User", name));
    }
}
