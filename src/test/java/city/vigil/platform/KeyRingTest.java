package city.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The credential key ring: new writes under the active key, every key of the ring reads, blobs from before the ring too. */
class KeyRingTest {
    private static final String K0 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String K2 = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    static CryptoConfig ring(String legacy, Map<String, String> keys, String active) {
        return new CryptoConfig() {
            public Optional<String> credentialKey() {
                return Optional.ofNullable(legacy);
            }

            public Map<String, String> keys() {
                return keys;
            }

            public Optional<String> activeKey() {
                return Optional.ofNullable(active);
            }

            public String keyFile() {
                return "target/never-written.key";
            }
        };
    }

    @Test
    void aRotatedRingReadsBlobsOfTheOldKeyAndWritesUnderTheNewOne() {
        CredentialCipher before = new CredentialCipher(ring(K0, Map.of(), null));
        CredentialCipher after = new CredentialCipher(ring(K0, Map.of("k2", K2), "k2"));
        byte[] old = before.encrypt("44010600001320000001/MAIN", "admin:天河123");
        byte[] fresh = after.encrypt("44010600001320000001/MAIN", "admin:天河123");

        assertThat(after.keyOf(old)).isEqualTo("0");
        assertThat(after.keyOf(fresh)).isEqualTo("k2");
        assertThat(after.decrypt("44010600001320000001/MAIN", old)).isEqualTo("admin:天河123");
        assertThat(after.decrypt("44010600001320000001/MAIN", fresh)).isEqualTo("admin:天河123");
        assertThat(after.current(old)).isFalse();
        assertThat(after.current(fresh)).isTrue();
        assertThat(after.encrypt("44010600001320000001/MAIN", "admin:天河123")).as("deterministic under one key").isEqualTo(fresh);
        assertThatThrownBy(() -> before.decrypt("44010600001320000001/MAIN", fresh)).hasMessageContaining("cannot be decrypted");
        assertThatThrownBy(() -> after.decrypt("44010600001320000002/MAIN", fresh)).as("bound to its camera").hasMessageContaining("cannot be decrypted");
    }

    @Test
    void aBlobWrittenBeforeTheRingHadHeadersStillReads() {
        CredentialCipher ring = new CredentialCipher(ring(K0, Map.of("k2", K2), "k2"));
        byte[] headed = new CredentialCipher(ring(K0, Map.of(), null)).encrypt("ctx", "user:pass");
        // Before the ring a blob was the nonce and the ciphertext; the key-0 header is three bytes: 1, 1, '0'.
        byte[] legacy = Arrays.copyOfRange(headed, 3, headed.length);
        assertThat(ring.keyOf(legacy)).isEqualTo("0");
        assertThat(ring.decrypt("ctx", legacy)).isEqualTo("user:pass");
    }

    @Test
    void anActiveKeyOutsideTheRingIsRefusedAtStart() {
        assertThatThrownBy(() -> new CredentialCipher(ring(K0, Map.of("k2", K2), "k3"))).hasMessageContaining("active-key");
        assertThatThrownBy(() -> new CredentialCipher(ring(null, Map.of("k2", K2), null))).hasMessageContaining("active-key");
    }
}
