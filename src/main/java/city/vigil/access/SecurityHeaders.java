package city.vigil.access;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers every answer carries: scripts only from Vigil itself (no inline script, no CDN), no framing except the wall
 * where configured, no MIME sniffing, no referrer to other sites.
 */
public class SecurityHeaders {
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors ";

    // Filters are created before runtime configuration exists; the mapping is looked up on the first request.
    @Inject
    Provider<AccessConfig> settings;

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> h = response.getHeaders();
        boolean wall = request.getUriInfo().getPath().equals("/wall");
        String ancestors = wall ? settings.get().wallFrameAncestors() : "'none'";
        h.putSingle("Content-Security-Policy", POLICY + ancestors);
        if (!wall || "'none'".equals(ancestors)) {
            h.putSingle("X-Frame-Options", "DENY");
        }
        h.putSingle("X-Content-Type-Options", "nosniff");
        h.putSingle("Referrer-Policy", "same-origin");
    }
}
