package city.vigil.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The form token of the pages: every form a person submits carries {@code _csrf}, the token of their session, which a
 * page on another site cannot read. Keys and the open mode have no session, so nothing to forge.
 */
@RequestScoped
public class Csrf {
    public static final String FIELD = "_csrf";

    @Inject
    SecurityIdentity identity;

    /** The token to put in this caller's forms (empty when it has no session). */
    public String token() {
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        return caller == null || caller.csrfToken() == null ? "" : caller.csrfToken();
    }

    public void check(String sent) {
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        if (caller == null || caller.kind() != Caller.Kind.USER) {
            return;
        }
        if (sent == null || !MessageDigest.isEqual(caller.csrfToken().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            throw new CallerAuthentication.CsrfRejected();
        }
    }
}
