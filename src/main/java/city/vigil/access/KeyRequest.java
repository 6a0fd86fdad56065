package city.vigil.access;

import java.time.Instant;
import java.util.List;

/** Body of a new API key: the only fields a client sets. */
public record KeyRequest(String name, String role, List<String> areas, Instant expiresAt) {
}
