package city.vigil.access;

import city.vigil.platform.ApiException;
import city.vigil.platform.Checks;
import city.vigil.platform.Page;
import city.vigil.platform.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys for machines: {@code vgl_<prefix>_<secret>}, shown once. The prefix finds the row and stays visible in
 * lists and logs; the secret is kept as its SHA-256.
 */
@ApplicationScoped
public class ApiKeys {
    static final String TOKEN_START = "vgl_";
    /** last_used_at is written at most this often per key: a busy integrator should not turn every read into a write. */
    private static final long LAST_USED_EVERY_MS = 60_000;

    private final KeyStore store;
    private final AreaScopes areas;
    private final AccessConfig config;
    private final Map<Long, Long> lastUsedWritten = new ConcurrentHashMap<>();

    ApiKeys(KeyStore store, AreaScopes areas, AccessConfig config) {
        this.store = store;
        this.areas = areas;
        this.config = config;
    }

    public KeyView.Created create(Caller caller, KeyRequest request) {
        Checks checks = new Checks();
        if (request == null) {
            throw ApiException.invalid("name", "is required");
        }
        if (checks.required("name", request.name())) {
            checks.maxLength("name", request.name(), 128);
        }
        Role role = Role.grantable(checks, caller, request.role());
        if (request.expiresAt() != null && !request.expiresAt().isAfter(Instant.now())) {
            checks.fail("expiresAt", "must be in the future");
        }
        checks.throwIfAny();
        List<String> codes = areas.checkGrant(caller.scope(), request.areas());
        return issue(request.name(), role, codes, caller.actor(), request.expiresAt());
    }

    public Page<KeyView> list(Caller caller, Long after, int limit) {
        Instant now = Instant.now();
        return Page.of(store.list(after == null ? 0 : after, limit + 1, caller.scope().areaPaths()), limit, k -> String.valueOf(k.id()),
                k -> KeyView.of(k, now));
    }

    public KeyView get(Caller caller, long id) {
        return KeyView.of(visible(caller, id), Instant.now());
    }

    /** A new key with the same name, role and areas; the old one keeps working for the grace period. */
    public KeyView.Created rotate(Caller caller, long id) {
        KeyStore.Key old = visible(caller, id);
        if (!old.usable(Instant.now()) || old.replacedBy() != null) {
            throw ApiException.invalid("id", "only an active key that was not rotated yet can be rotated");
        }
        KeyView.Created created = issue(old.name(), old.role(), old.areaCodes(), caller.actor(), old.expiresAt());
        store.replace(old.id(), created.view().id(), Instant.now().plus(config.keyRotationGrace()));
        return created;
    }

    public KeyView revoke(Caller caller, long id) {
        visible(caller, id);
        store.revoke(id);
        return get(caller, id);
    }

    /** The caller a presented token stands for, if it is a usable key. */
    Optional<KeyStore.Key> authenticate(String token) {
        if (!token.startsWith(TOKEN_START)) {
            return Optional.empty();
        }
        int split = token.indexOf('_', TOKEN_START.length());
        if (split < 0) {
            return Optional.empty();
        }
        String prefix = token.substring(TOKEN_START.length(), split);
        byte[] hash = Secrets.sha256(token.substring(split + 1));
        Optional<KeyStore.Key> key = store.byPrefix(prefix).filter(k -> MessageDigest.isEqual(k.secretHash(), hash))
                .filter(k -> k.usable(Instant.now()));
        key.ifPresent(this::markUsed);
        return key;
    }

    Scope scopeOf(KeyStore.Key key) {
        return areas.of(key.areaCodes());
    }

    private void markUsed(KeyStore.Key key) {
        long now = System.currentTimeMillis();
        Long last = lastUsedWritten.get(key.id());
        if (last == null || now - last > LAST_USED_EVERY_MS) {
            lastUsedWritten.put(key.id(), now);
            store.used(key.id());
        }
    }

    private KeyView.Created issue(String name, Role role, List<String> codes, String createdBy, Instant expiresAt) {
        String prefix = Secrets.readable(8);
        String secret = Secrets.token(32);
        KeyStore.Key key = store.insert(prefix, Secrets.sha256(secret), name, role, codes, createdBy, expiresAt);
        return new KeyView.Created(TOKEN_START + prefix + "_" + secret, KeyView.of(key, Instant.now()));
    }

    /** A key the caller may manage: inside its scope, or a 404 as if it did not exist. */
    private KeyStore.Key visible(Caller caller, long id) {
        return store.byId(id).filter(k -> areas.within(caller.scope(), k.areaCodes()))
                .orElseThrow(() -> ApiException.notFound("API key", String.valueOf(id)));
    }
}
