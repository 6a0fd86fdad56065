package city.vigil.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The form token of the pages: every form a person submits carries {@code _csrf}, the token of their session, which a
 * page on another site cannot read. Keys and the open mode have no session, so nothing to forge.
 */
@RequestScoped
public class Csrf {
    public static final String FIELD = "_csrf";

    @Inject
    SecurityIdentity identity;

    public void check(String sent) {
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        if (caller == null || caller.kind() != Caller.Kind.USER) {
            return;
        }
        if (!Secrets.matches(caller.csrfToken(), sent)) {
            throw new CallerAuthentication.CsrfRejected();
        }
    }
}
