package city.vigil.access;

import city.vigil.platform.Scope;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.Tenant;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A person from the city's identity provider: Quarkus OIDC verifies the bearer token (signature, issuer, expiry) with
 * the tenant {@code idp}; its groups map to a Vigil role ({@code vigil.access.oidc.role-map}) and its areas claim to
 * the scope. A token whose groups map to no role, or without the areas claim, is refused: nothing is granted by default.
 */
@ApplicationScoped
class OidcCallers {
    static final String TENANT = "idp";

    @Inject
    @Tenant(TENANT)
    TenantIdentityProvider idp;
    @Inject
    AccessConfig config;
    @Inject
    AreaScopes areas;

    Uni<SecurityIdentity> authenticate(String token, AuthenticationRequestContext context) {
        return idp.authenticate(new AccessTokenCredential(token))
                .onItem().transformToUni(verified -> context.runBlocking(() -> caller(verified)));
    }

    private SecurityIdentity caller(SecurityIdentity verified) {
        Role role = verified.getRoles().stream().map(group -> config.oidc().roleMap().get(group)).filter(Objects::nonNull)
                .map(id -> Role.parse(id).orElseThrow(() -> new IllegalStateException("vigil.access.oidc.role-map names no role '" + id + "'")))
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new AuthenticationFailedException("None of your identity provider groups has a Vigil role"));
        List<String> codes = areaCodes(verified).orElseThrow(() ->
                new AuthenticationFailedException("The token has no '" + config.oidc().areasClaim() + "' claim naming your areas"));
        boolean everything = codes.equals(List.of("*"));
        Caller caller = new Caller(verified.getPrincipal().getName(), Caller.Kind.OIDC, role, everything ? Scope.all() : areas.of(codes),
                everything ? List.of() : codes, null, null, false);
        return CallerIdentities.identity(caller);
    }

    private Optional<List<String>> areaCodes(SecurityIdentity verified) {
        if (!(verified.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim(config.oidc().areasClaim());
        List<String> codes;
        if (claim instanceof JsonArray array) {
            codes = array.stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString()).toList();
        } else if (claim instanceof Collection<?> values) {
            codes = values.stream().map(String::valueOf).toList();
        } else if (claim instanceof String text) {
            codes = Arrays.stream(text.split(",")).map(String::trim).filter(c -> !c.isEmpty()).toList();
        } else {
            return Optional.empty();
        }
        return codes.isEmpty() ? Optional.empty() : Optional.of(codes);
    }
}
