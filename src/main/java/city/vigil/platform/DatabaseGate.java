package city.vigil.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * While PostgreSQL does not answer ({@link DatabaseHealth}), every API request is answered at once with 503
 * database-unavailable and {@code Retry-After}, rather than waiting on a pool that cannot connect and failing after
 * seconds. Health, metrics and the OpenAPI document stay up (they are not under /api).
 */
public class DatabaseGate {
    /** Seconds a client should wait before trying again: about the time a restarted PostgreSQL needs. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final DatabaseHealth health;

    DatabaseGate(DatabaseHealth health) {
        this.health = health;
    }

    @ServerRequestFilter
    public Response refuseWhileDatabaseAway(ContainerRequestContext request) {
        if (health.available() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        return unavailable(request.getUriInfo().getPath());
    }

    static Response unavailable(String path) {
        ApiError e = ApiError.DATABASE_UNAVAILABLE;
        return Response.status(e.status).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(new Problem(e.type(), e.title, e.status, "PostgreSQL does not answer; nothing was read or changed. Try again shortly.",
                        path, List.of()))
                .build();
    }
}
