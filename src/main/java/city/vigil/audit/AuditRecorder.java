package city.vigil.audit;

import city.vigil.access.Caller;
import city.vigil.platform.AuditTrail;
import city.vigil.platform.Unaudited;
import io.quarkus.logging.Log;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * One audit row per write request, whatever its outcome: who (person, key, or the name a login tried), from where,
 * which operation on which target, the status, the record before and after, and the request id (sent back as
 * {@code X-Request-Id}; a caller's own id is kept when it is a plain token).
 */
public class AuditRecorder {
    static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern CALLER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    @Inject
    AuditLog log;
    @Inject
    AuditTrail trail;
    @Inject
    CurrentVertxRequest vertxRequest;
    @Inject
    Vertx vertx;

    @ServerRequestFilter(preMatching = true)
    public void requestId(ContainerRequestContext request) {
        String sent = request.getHeaderString(REQUEST_ID);
        request.setProperty(REQUEST_ID, sent != null && CALLER_ID.matcher(sent).matches() ? sent : UUID.randomUUID().toString());
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource, HttpServerRequest http) {
        Object id = request.getProperty(REQUEST_ID);
        if (id != null) {
            response.getHeaders().putSingle(REQUEST_ID, id);
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || READS.contains(request.getMethod()) || method.isAnnotationPresent(Unaudited.class)) {
            return;
        }
        Caller who = caller();
        String actor = trail.actor() != null ? "login:" + trail.actor() : who.actor();
        Object after = trail.afterSet() ? trail.after() : response.getStatus() < 300 ? record(response.getEntity()) : null;
        AuditLog.Entry entry = new AuditLog.Entry(actor, who.scope().areaPaths(), http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(),
                request.getMethod() + " " + template(resource), request.getUriInfo().getPath(), response.getStatus(), trail.before(), after,
                String.valueOf(id));
        // A refusal before the request reached a worker (a wrong key, a missing CSRF token) is answered on the event loop.
        if (Context.isOnEventLoopThread()) {
            vertx.executeBlocking(() -> append(entry, request.getMethod(), request.getUriInfo().getPath()), false);
        } else {
            append(entry, request.getMethod(), request.getUriInfo().getPath());
        }
    }

    private Void append(AuditLog.Entry entry, String method, String path) {
        try {
            log.append(entry);
        } catch (RuntimeException e) {
            // The change itself is committed: refusing the answer now would only make the caller retry it.
            Log.errorf(e, "Audit row for %s %s (request %s) not written", method, path, entry.requestId());
        }
        return null;
    }

    /** The caller as authenticated so far, without waiting for an identity nobody resolved (a refused credential). */
    private Caller caller() {
        RoutingContext context = vertxRequest.getCurrent();
        SecurityIdentity identity = context != null && context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        Caller caller = identity == null ? null : identity.getAttribute(Caller.ATTRIBUTE);
        return caller == null ? Caller.anonymous(null) : caller;
    }

    /** An answer that is a record (not a page, a file or a stream). */
    private static Object record(Object entity) {
        return entity instanceof String || entity instanceof StreamingOutput || entity instanceof InputStream || entity instanceof byte[]
                || entity instanceof TemplateInstance ? null : entity;
    }

    /** The operation's path as declared, e.g. {@code /api/v1/cameras/{gbId}}. */
    private static String template(ResourceInfo resource) {
        return TEMPLATES.computeIfAbsent(resource.getResourceMethod(), m -> {
            Path type = resource.getResourceClass().getAnnotation(Path.class);
            Path own = m.getAnnotation(Path.class);
            String joined = (type == null ? "" : type.value()) + "/" + (own == null ? "" : own.value());
            return joined.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        });
    }
}
