package city.vigil.access;

import city.vigil.platform.CallerScope;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Looks a key or a session up and turns it into the caller: role (with the roles below it) and area scope. */
@ApplicationScoped
class CallerIdentities implements IdentityProvider<CredentialRequest> {
    private final ApiKeys keys;
    private final Users users;
    private final SessionStore sessions;
    private final AreaScopes areas;
    private final OidcCallers oidc;

    CallerIdentities(ApiKeys keys, Users users, SessionStore sessions, AreaScopes areas, OidcCallers oidc) {
        this.oidc = oidc;
        this.keys = keys;
        this.users = users;
        this.sessions = sessions;
        this.areas = areas;
    }

    @Override
    public Class<CredentialRequest> getRequestType() {
        return CredentialRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(CredentialRequest request, AuthenticationRequestContext context) {
        if (request.kind == CredentialRequest.Kind.OIDC_TOKEN) {
            return oidc.authenticate(request.token, context);
        }
        return context.runBlocking(() -> switch (request.kind) {
            case API_KEY -> keys.authenticate(request.token).map(k -> identity(
                    new Caller("vgl_" + k.prefix(), Caller.Kind.KEY, k.role(), keys.scopeOf(k), k.areaCodes(), k.id(), null, false)))
                    .orElseThrow(() -> new AuthenticationFailedException("The API key is unknown, expired or revoked"));
            case SESSION -> session(request.token).orElseThrow(() -> new AuthenticationFailedException("The session has ended"));
            case OIDC_TOKEN -> throw new IllegalStateException("verified above");
        });
    }

    private Optional<SecurityIdentity> session(String id) {
        return sessions.find(id).flatMap(s -> users.find(s.userName()).map(u -> identity(new Caller(u.name(), Caller.Kind.USER, u.role(),
                areas.of(u.areaCodes()), u.areaCodes(), null, s.csrfToken(), u.mustChangePassword()))));
    }

    static SecurityIdentity identity(Caller caller) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(caller.actor()))
                .addAttribute(Caller.ATTRIBUTE, caller).addAttribute(CallerScope.ATTRIBUTE, caller.scope());
        // A one-time password grants nothing but changing it.
        if (caller.mustChangePassword()) {
            b.addRole(Roles.PASSWORD_CHANGE);
        } else {
            b.addRoles(caller.role().grantedNames());
        }
        return b.build();
    }
}
