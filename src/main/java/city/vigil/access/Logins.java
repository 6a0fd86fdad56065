package city.vigil.access;

import jakarta.enterprise.context.ApplicationScoped;

/** A person's login and logout: the password check with its lockout, and the session that follows. */
@ApplicationScoped
public class Logins {

    /** What the login form gets back: a new session, a refusal, or a wait. */
    public sealed interface Outcome {
        record LoggedIn(String sessionId, boolean mustChangePassword) implements Outcome {
        }

        record Refused() implements Outcome {
        }

        record Wait(long seconds) implements Outcome {
        }
    }

    private final Users users;
    private final SessionStore sessions;
    private final AccessConfig config;

    Logins(Users users, SessionStore sessions, AccessConfig config) {
        this.users = users;
        this.sessions = sessions;
        this.config = config;
    }

    /**
     * Checks the password and opens a new session. The session id a browser brought with it is ended, never reused:
     * an id planted before the login is worth nothing after it.
     */
    public Outcome logIn(String name, String password, String presentedSessionId) {
        if (presentedSessionId != null) {
            sessions.close(presentedSessionId);
        }
        Users.Login login = users.login(name, password);
        if (login instanceof Users.Login.Accepted a) {
            return new Outcome.LoggedIn(sessions.open(a.user().name()).id(), a.user().mustChangePassword());
        }
        if (login instanceof Users.Login.LockedOut l) {
            return new Outcome.Wait(Math.max(1, l.retryAfter().toSeconds() + 1));
        }
        return new Outcome.Refused();
    }

    public void logOut(String sessionId) {
        if (sessionId != null) {
            sessions.close(sessionId);
        }
    }

    public void changePassword(String name, String current, String replacement, String sessionId) {
        users.changePassword(name, new PasswordChange(current, replacement), sessionId);
    }

    public long sessionSeconds() {
        return config.sessionTtl().toSeconds();
    }
}
