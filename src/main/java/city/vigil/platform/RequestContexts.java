package city.vigil.platform;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import java.sql.SQLException;

/** Runs work that reads through the ORM (areas, rates) from a scheduled thread, which has no request context. */
public final class RequestContexts {
    private RequestContexts() {
    }

    public interface Work {
        void run() throws SQLException;
    }

    public static void run(Work work) throws SQLException {
        ManagedContext context = Arc.container().requestContext();
        if (context.isActive()) {
            work.run();
            return;
        }
        context.activate();
        try {
            work.run();
        } finally {
            context.terminate();
        }
    }
}
