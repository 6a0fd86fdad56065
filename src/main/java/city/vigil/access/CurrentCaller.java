package city.vigil.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The caller of this request, for resources and for the pages' header ({@code inject:caller}). */
@RequestScoped
@Named("caller")
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    public Caller get() {
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        return caller == null ? Caller.anonymous(null) : caller;
    }

    /** Whether a person is logged in (the header shows their name and a logout button). */
    public boolean isPerson() {
        return get().kind() == Caller.Kind.USER;
    }

    /** Whether the pages show the admin's links (the audit log). */
    public boolean isAdmin() {
        Caller caller = get();
        return caller.role() == Role.ADMIN && !caller.mustChangePassword();
    }

    public String getName() {
        return get().name();
    }

    /** The form token for this person's forms. */
    public String getCsrf() {
        String token = get().csrfToken();
        return token == null ? "" : token;
    }

    /** Who did it, for acknowledgements and maintenance windows: the person or key; a typed name only when access is off. */
    public String actorOr(String typed) {
        Caller caller = get();
        return caller.kind() == Caller.Kind.OPEN ? typed : caller.actor();
    }
}
