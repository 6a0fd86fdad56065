package city.vigil.access;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Finds the caller's credential: an API key ({@code Authorization: Bearer vgl_…} or {@code X-API-Key}), an OpenID
 * Connect provider's bearer token (when configured), or the session cookie of a logged-in person. Without one the caller is anonymous, which is a viewer only where configured.
 * Requests made with a session that change something must carry the session's CSRF token: the header
 * {@code X-CSRF-Token} for the API, the form field {@code _csrf} for pages ({@link Csrf}).
 */
@ApplicationScoped
public class CallerAuthentication implements HttpAuthenticationMechanism {
    public static final String SESSION_COOKIE = "vigil_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final AccessConfig config;
    private final SecurityIdentity anonymous;
    private final SecurityIdentity open;

    CallerAuthentication(AccessConfig config) {
        this.config = config;
        this.open = CallerIdentities.identity(Caller.open());
        Role anonymousRole = switch (config.anonymous()) {
            case "none" -> null;
            case "viewer" -> Role.VIEWER;
            default -> throw new IllegalArgumentException("vigil.access.anonymous must be none or viewer, not '" + config.anonymous() + "'");
        };
        this.anonymous = anonymousRole == null ? null : CallerIdentities.identity(Caller.anonymous(anonymousRole));
        if (!config.enabled()) {
            Log.warn("Access control is OFF (vigil.access.enabled=false): every caller is an admin of every area");
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (!config.enabled()) {
            return Uni.createFrom().item(open);
        }
        String key = bearer(context.request());
        if (key != null) {
            // A bearer token that is not a Vigil key is an identity provider's, where one is configured.
            CredentialRequest.Kind kind = !key.startsWith(ApiKeys.TOKEN_START) && config.oidc().enabled() ? CredentialRequest.Kind.OIDC_TOKEN
                    : CredentialRequest.Kind.API_KEY;
            return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new CredentialRequest(kind, key), context));
        }
        Cookie session = context.request().getCookie(SESSION_COOKIE);
        if (session != null && !session.getValue().isBlank()) {
            return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                    new CredentialRequest(CredentialRequest.Kind.SESSION, session.getValue()), context)).onItem().invoke(identity -> {
                        if (changes(context) && context.normalizedPath().startsWith("/api/") && !csrfHeaderMatches(context, identity)) {
                            throw new CsrfRejected();
                        }
                    }).onFailure(AuthenticationFailedException.class).recoverWithItem(() -> anonymous);
        }
        return Uni.createFrom().item(anonymous);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"vigil\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(CredentialRequest.class);
    }

    /** The key or token the request carries ({@code X-API-Key}, or {@code Authorization: Bearer}); null without one. */
    static String bearer(HttpServerRequest request) {
        String header = request.getHeader("X-API-Key");
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }

    static boolean changes(RoutingContext context) {
        HttpMethod m = context.request().method();
        return !(m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS);
    }

    private static boolean csrfHeaderMatches(RoutingContext context, SecurityIdentity identity) {
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        String sent = context.request().getHeader(CSRF_HEADER);
        return caller != null && Secrets.matches(caller.csrfToken(), sent);
    }

    /** A session's change without its CSRF token: answered 403, never run. */
    public static final class CsrfRejected extends RuntimeException {
        CsrfRejected() {
            super("A change made with a login session must carry the session's CSRF token", null, false, false);
        }
    }
}
