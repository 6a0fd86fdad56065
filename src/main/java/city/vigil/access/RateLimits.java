package city.vigil.access;

import city.vigil.platform.ApiError;
import city.vigil.platform.Problem;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A token bucket per key, per login session and, without either, per client address: a runaway integrator gets 429
 * with Retry-After instead of starving the operators. Keyed on the credential as sent, so no database lookup happens
 * before the limit applies (a flood of wrong keys is limited too). Per node: each replica limits what it serves.
 */
@Singleton
public class RateLimits {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    // Filters are created before runtime configuration exists; the mapping is looked up on the first request.
    @Inject
    Provider<AccessConfig> settings;

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!settings.get().enabled() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        long waitMs = take(holder(http));
        if (waitMs == 0) {
            return null;
        }
        long seconds = Math.max(1, (waitMs + 999) / 1000);
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", seconds)
                .entity(new Problem(ApiError.RATE_LIMITED.type(), ApiError.RATE_LIMITED.title, 429,
                        "More than " + (long) settings.get().ratePerSecond() + " requests per second; retry after " + seconds + " s",
                        request.getUriInfo().getPath(), List.of()))
                .build();
    }

    /** 0 when a request may go ahead, otherwise how long until one may. */
    long take(String holder) {
        long now = System.nanoTime();
        double rate = settings.get().ratePerSecond();
        Bucket bucket = buckets.computeIfAbsent(holder, h -> new Bucket(settings.get().rateBurst(), now));
        synchronized (bucket) {
            bucket.tokens = Math.min(settings.get().rateBurst(), bucket.tokens + (now - bucket.updatedNanos) / 1e9 * rate);
            bucket.updatedNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / rate * 1000);
        }
    }

    private static String holder(HttpServerRequest http) {
        String key = CallerAuthentication.bearer(http);
        if (key != null) {
            // The prefix names a Vigil key; any other token (an identity provider's, a made-up one) by its sender's address.
            int split = key.indexOf('_', ApiKeys.TOKEN_START.length());
            if (key.startsWith(ApiKeys.TOKEN_START) && split > 0) {
                return "key:" + key.substring(0, split);
            }
        } else {
            Cookie session = http.getCookie(CallerAuthentication.SESSION_COOKIE);
            if (session != null) {
                return "session:" + Integer.toHexString(session.getValue().hashCode());
            }
        }
        return "address:" + (http.remoteAddress() == null ? "?" : http.remoteAddress().hostAddress());
    }

    /** Forgets buckets that have refilled: the map holds active callers only. */
    @Scheduled(every = "1m", delayed = "1m")
    void forgetIdle() {
        long now = System.nanoTime();
        long full = (long) (settings.get().rateBurst() / settings.get().ratePerSecond() * 1e9);
        buckets.entrySet().removeIf(e -> now - e.getValue().updatedNanos > full);
    }
}
