package city.vigil.access;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A credential found on a request, checked against PostgreSQL off the event loop. */
final class CredentialRequest extends BaseAuthenticationRequest {

    enum Kind { API_KEY, SESSION, OIDC_TOKEN }

    final Kind kind;
    final String token;

    CredentialRequest(Kind kind, String token) {
        this.kind = kind;
        this.token = token;
    }
}
