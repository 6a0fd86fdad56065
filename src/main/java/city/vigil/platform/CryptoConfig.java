package city.vigil.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/** Encryption of stream credentials at rest. */
@ConfigMapping(prefix = "vigil.crypto")
public interface CryptoConfig {

    /** Base64 of a 32-byte AES key. Required in production; the embedded default keeps a generated one in {@link #keyFile()}. */
    Optional<String> credentialKey();

    /**
     * More keys for the ring, by id ({@code vigil.crypto.keys.k2=<base64>}); the credential key above is key {@code 0}.
     * To rotate: add a key, make it active, restart; the re-encryption job rewrites every blob, then the old key can go.
     */
    Map<String, String> keys();

    /** The key new writes use: {@code 0} (the credential key) unless the ring names another. */
    Optional<String> activeKey();

    /** Where the embedded default keeps its generated key when no {@code credential-key} is given. */
    @WithDefault("data/credential.key")
    String keyFile();
}
