package city.vigil.access;

import city.vigil.platform.Scope;
import java.util.List;

/**
 * Who is calling: a person (session), a machine (API key), an anonymous visitor where that is configured, or
 * everyone at once when access control is off. Carried as an attribute of the Quarkus security identity.
 *
 * @param areaCodes the scope as the caller's record names it (shown back to the caller)
 * @param csrfToken the session's form token; null for keys, which browsers never send on their own
 */
public record Caller(String name, Kind kind, Role role, Scope scope, List<String> areaCodes, Long keyId, String csrfToken,
                     boolean mustChangePassword) {

    public static final String ATTRIBUTE = "vigil.caller";

    public enum Kind { USER, KEY, OIDC, ANONYMOUS, OPEN }

    /** The name written to the audit log and to acknowledgements: {@code user:zhang}, {@code key:vgl_ab12cd34}. */
    public String actor() {
        return switch (kind) {
            case USER -> "user:" + name;
            case KEY -> "key:" + name;
            case OIDC -> "oidc:" + name;
            case ANONYMOUS -> "anonymous";
            case OPEN -> "open";
        };
    }

    public static Caller open() {
        return new Caller("open", Kind.OPEN, Role.ADMIN, Scope.all(), List.of(), null, null, false);
    }

    public static Caller anonymous(Role role) {
        return new Caller("anonymous", Kind.ANONYMOUS, role, Scope.all(), List.of(), null, null, false);
    }
}
