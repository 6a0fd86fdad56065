package city.vigil.access;

/** Role names for {@code @RolesAllowed}; each operation names the lowest role that may call it. */
public final class Roles {
    public static final String VIEWER = "viewer";
    public static final String INTEGRATOR = "integrator";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin";
    /** The only thing a person holding a one-time password may do is replace it (and see who they are). */
    public static final String PASSWORD_CHANGE = "password-change";

    private Roles() {
    }
}
