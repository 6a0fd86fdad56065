package city.vigil.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** One audited change. {@code outcome} is the HTTP status the change was answered with. */
public record AuditEvent(long id, Instant at, String actor, List<String> actorScope, String source, String action, String target, int outcome,
                         JsonNode before, JsonNode after, String requestId) {
}
