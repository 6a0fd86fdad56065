package city.vigil.access;

import java.util.List;

/**
 * Body of a new user or of a change to one (PATCH: the fields given). A password set here is a one-time password:
 * the user must replace it at the first login. Lockout, login times and the hash are never client-writable.
 */
public record UserRequest(String name, String password, String role, List<String> areas, Boolean disabled) {
}
