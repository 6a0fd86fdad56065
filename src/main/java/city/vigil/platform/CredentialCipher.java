package city.vigil.platform;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM encryption of stream credentials and webhook secrets under a key ring. The nonce is an HMAC of the context
 * and plaintext (a synthetic IV, as in AES-SIV): the same credentials always encrypt to the same bytes under one key,
 * so re-importing a ledger changes nothing, while different credentials never share a nonce.
 *
 * <p>A blob names its key: {@code 0x01, id length, id, nonce, ciphertext}. Blobs written before the ring have no header
 * and belong to key {@code 0}, the one {@code vigil.crypto.credential-key} (or the embedded default's key file) gives.
 * New writes use the active key; every key in the ring still reads, so a key is rotated without downtime and
 * {@link #current} tells the re-encryption job which blobs to rewrite.
 */
@ApplicationScoped
public class CredentialCipher {
    static final String LEGACY_ID = "0";
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private record Key(SecretKeySpec encryption, SecretKeySpec nonce) {
    }

    private final Map<String, Key> ring = new LinkedHashMap<>();
    private final String active;
    private final byte[] activeHeader;

    public CredentialCipher(CryptoConfig config) {
        if (config.credentialKey().isPresent() || config.keys().isEmpty()) {
            ring.put(LEGACY_ID, key(config.credentialKey().map(CredentialCipher::decodeKey).orElseGet(() -> keyFromFile(Path.of(config.keyFile())))));
        }
        config.keys().forEach((id, base64) -> {
            if (!id.matches("[A-Za-z0-9._-]{1,32}")) {
                throw new IllegalStateException("vigil.crypto.keys: a key id is 1-32 letters, digits, '.', '_' or '-', not '" + id + "'");
            }
            ring.put(id, key(decodeKey(base64)));
        });
        this.active = config.activeKey().orElse(config.keys().isEmpty() ? LEGACY_ID : null);
        if (active == null || !ring.containsKey(active)) {
            throw new IllegalStateException("vigil.crypto.active-key must name a key of the ring " + ring.keySet() + ", not " + active);
        }
        byte[] id = active.getBytes(StandardCharsets.US_ASCII);
        this.activeHeader = ByteBuffer.allocate(2 + id.length).put(VERSION).put((byte) id.length).put(id).array();
    }

    /** The id of the key new writes use. */
    public String activeKey() {
        return active;
    }

    /** Encrypts {@code user:password} bound to its context (camera and stream), so a blob cannot be moved to another camera. */
    public byte[] encrypt(String context, String plaintext) {
        try {
            Key key = ring.get(active);
            byte[] aad = context.getBytes(StandardCharsets.UTF_8);
            byte[] data = plaintext.getBytes(StandardCharsets.UTF_8);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key.nonce());
            mac.update(aad);
            mac.update((byte) 0);
            byte[] nonce = Arrays.copyOf(mac.doFinal(data), NONCE_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.encryption(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(data);
            return ByteBuffer.allocate(activeHeader.length + NONCE_BYTES + sealed.length).put(activeHeader).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    public String decrypt(String context, byte[] blob) {
        if (hasHeader(blob)) {
            Key key = ring.get(headerId(blob));
            Optional<String> plain = key == null ? Optional.empty() : open(key, context, blob, 2 + (blob[1] & 0xff));
            if (plain.isPresent()) {
                return plain.get();
            }
        }
        Key legacy = ring.get(LEGACY_ID);
        return (legacy == null ? Optional.<String>empty() : open(legacy, context, blob, 0)).orElseThrow(() ->
                new IllegalStateException("Stored credentials cannot be decrypted with any key of the ring " + ring.keySet()));
    }

    /** Whether a blob is under the active key (the re-encryption job leaves it alone). */
    public boolean current(byte[] blob) {
        return keyOf(blob).equals(active);
    }

    /** The id of the key a blob was written under: its header's, or {@code 0} for a blob from before the ring. */
    public String keyOf(byte[] blob) {
        return hasHeader(blob) && ring.containsKey(headerId(blob)) ? headerId(blob) : LEGACY_ID;
    }

    private static Optional<String> open(Key key, String context, byte[] blob, int offset) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.encryption(), new GCMParameterSpec(TAG_BITS, blob, offset, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(cipher.doFinal(blob, offset + NONCE_BYTES, blob.length - offset - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (javax.crypto.AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static String headerId(byte[] blob) {
        return new String(blob, 2, blob[1] & 0xff, StandardCharsets.US_ASCII);
    }

    /**
     * A header is a version byte, a length of 1-32 and that many id characters. A legacy blob begins with its nonce,
     * which can look like a header by chance: then its "id" names no key, or the tag does not verify under that key,
     * and it is read as legacy.
     */
    private static boolean hasHeader(byte[] blob) {
        if (blob.length < 2 + NONCE_BYTES + 16 || blob[0] != VERSION || (blob[1] & 0xff) < 1 || (blob[1] & 0xff) > 32
                || blob.length < 2 + (blob[1] & 0xff) + NONCE_BYTES + 16) {
            return false;
        }
        for (int i = 2; i < 2 + (blob[1] & 0xff); i++) {
            char c = (char) (blob[i] & 0xff);
            if (!(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static Key key(byte[] master) {
        return new Key(new SecretKeySpec(derive(master, "vigil-credential-encryption"), "AES"), new SecretKeySpec(derive(master, "vigil-credential-nonce"),
                "HmacSHA256"));
    }

    private static byte[] derive(byte[] master, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decodeKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a vigil.crypto key is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("a vigil.crypto key must decode to 32 bytes, not " + key.length);
        }
        return key;
    }

    private static byte[] keyFromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decodeKey(Files.readString(file));
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file keeps the default permissions
            }
            Log.warnf("No vigil.crypto.credential-key configured: generated one in %s (set the key in production)", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the credential key file " + file, e);
        }
    }
}
