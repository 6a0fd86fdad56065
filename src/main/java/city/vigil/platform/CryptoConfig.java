package city.vigil.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Encryption of stream credentials at rest. */
@ConfigMapping(prefix = "vigil.crypto")
public interface CryptoConfig {

    /** Base64 of a 32-byte AES key. Required in production; the embedded default keeps a generated one in {@link #keyFile()}. */
    Optional<String> credentialKey();

    /** Where the embedded default keeps its generated key when no {@code credential-key} is given. */
    @WithDefault("data/credential.key")
    String keyFile();
}
