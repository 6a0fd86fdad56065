package city.vigil.webhook;

import city.vigil.platform.CredentialCipher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;

/**
 * Webhook signing secrets at rest: {@code enc:<base64>} under the credential key ring. A secret stored before
 * encryption (plain {@code whsec_…}) still reads, and the re-encryption job seals it.
 */
@ApplicationScoped
public class WebhookSecretSeal {
    static final String PREFIX = "enc:";
    private static final String CONTEXT = "webhook-secret";

    private final CredentialCipher cipher;

    WebhookSecretSeal(CredentialCipher cipher) {
        this.cipher = cipher;
    }

    String seal(String secret) {
        return secret == null ? null : PREFIX + Base64.getEncoder().encodeToString(cipher.encrypt(CONTEXT, secret));
    }

    public String open(String stored) {
        return stored == null || !stored.startsWith(PREFIX) ? stored : cipher.decrypt(CONTEXT, Base64.getDecoder().decode(stored.substring(PREFIX.length())));
    }

    /** Whether a stored value is sealed under the active key (the re-encryption job rewrites the rest). */
    public boolean current(String stored) {
        return stored == null || stored.startsWith(PREFIX) && cipher.current(Base64.getDecoder().decode(stored.substring(PREFIX.length())));
    }

    /** The stored value again, sealed under the active key. */
    public String reseal(String stored) {
        return seal(open(stored));
    }
}
