package city.vigil.access;

import java.time.Instant;
import java.util.List;

/**
 * An API key as its holders see it: never its secret, except in {@link Created}, the answer to creating or rotating it.
 *
 * @param state ACTIVE, EXPIRING (rotated, valid until expiresAt), EXPIRED or REVOKED
 */
public record KeyView(long id, String prefix, String name, String role, List<String> areas, String createdBy, Instant createdAt, Instant expiresAt,
                      Instant lastUsedAt, Instant revokedAt, Long replacedBy, String state) {

    /** The one answer that carries the key itself. */
    public record Created(String key, KeyView view) {
    }

    static KeyView of(KeyStore.Key k, Instant now) {
        String state = k.revokedAt() != null ? "REVOKED"
                : k.expiresAt() != null && !k.expiresAt().isAfter(now) ? "EXPIRED"
                : k.replacedBy() != null ? "EXPIRING" : "ACTIVE";
        return new KeyView(k.id(), "vgl_" + k.prefix(), k.name(), k.role().id(), k.areaCodes(), k.createdBy(), k.createdAt(), k.expiresAt(), k.lastUsedAt(),
                k.revokedAt(), k.replacedBy(), state);
    }
}
