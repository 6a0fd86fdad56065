package city.vigil.platform;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while PostgreSQL answers, from the last ping ({@link DatabaseHealth}): the answer never waits on the database,
 * so a load balancer asking a replica whose database froze hears "down" within a second instead of timing out.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    private final DatabaseHealth health;

    DatabaseReadiness(DatabaseHealth health) {
        this.health = health;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database").status(health.available());
        if (!health.available() && health.lastError() != null) {
            response.withData("error", health.lastError());
        }
        return response.build();
    }
}
