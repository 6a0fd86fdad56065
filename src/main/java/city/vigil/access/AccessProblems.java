package city.vigil.access;

import city.vigil.platform.ApiError;
import city.vigil.platform.ProblemMapper;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals as RFC 9457 problems for the API (401 with a Bearer challenge, 403), and as a way to the login page for a
 * person's browser.
 */
public class AccessProblems {

    @Inject
    CurrentCaller current;

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class, AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers, Request request) {
        if (isPage(uri, headers, request)) {
            return Response.seeOther(URI.create("/login?next=" + URLEncoder.encode(pathAndQuery(uri), StandardCharsets.UTF_8))).build();
        }
        if (isPageForm(uri, headers, request)) {
            return Response.seeOther(URI.create("/login")).build();
        }
        String detail = e instanceof AuthenticationFailedException && e.getMessage() != null ? e.getMessage()
                : "Send an API key (Authorization: Bearer vgl_…) or log in";
        return Response.fromResponse(ProblemMapper.problem(ApiError.UNAUTHENTICATED, detail, List.of(), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vigil\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers, Request request) {
        Caller caller = current.get();
        if (caller.kind() == Caller.Kind.ANONYMOUS) {
            // A visitor of an open demo asking for more than viewing: log in, rather than "your role may not".
            return unauthenticated(new UnauthorizedException(), uri, headers, request);
        }
        if (caller.mustChangePassword()) {
            if (isPage(uri, headers, request)) {
                return Response.seeOther(URI.create("/account/password")).build();
            }
            return ProblemMapper.problem(ApiError.FORBIDDEN, "Change your one-time password first (/account/password)", List.of(), uri);
        }
        String role = caller.role() == null ? "none" : caller.role().id();
        return ProblemMapper.problem(ApiError.FORBIDDEN, "Your role (" + role + ") may not do this", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response csrf(CallerAuthentication.CsrfRejected e, UriInfo uri) {
        return ProblemMapper.problem(ApiError.FORBIDDEN, e.getMessage(), List.of(), uri);
    }

    private static boolean isPage(UriInfo uri, HttpHeaders headers, Request request) {
        String path = uri.getPath();
        return "GET".equals(request.getMethod()) && !path.startsWith("/api/") && !path.startsWith("/dashboard/")
                && headers.getAcceptableMediaTypes().stream().anyMatch(m -> m.isCompatible(MediaType.TEXT_HTML_TYPE)
                && !m.isWildcardType());
    }

    /** A page's form sent by a browser (the address it posts to is no page to come back to). */
    private static boolean isPageForm(UriInfo uri, HttpHeaders headers, Request request) {
        return "POST".equals(request.getMethod()) && !uri.getPath().startsWith("/api/") && headers.getMediaType() != null
                && headers.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                && headers.getAcceptableMediaTypes().stream().anyMatch(m -> m.isCompatible(MediaType.TEXT_HTML_TYPE) && !m.isWildcardType());
    }

    private static String pathAndQuery(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return uri.getPath() + (query == null ? "" : "?" + query);
    }
}
