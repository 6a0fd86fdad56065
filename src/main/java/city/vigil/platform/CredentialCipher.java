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
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM encryption of stream credentials. The nonce is an HMAC of the context and plaintext (a synthetic IV, as in
 * AES-SIV): the same credentials always encrypt to the same bytes, so re-importing a ledger changes nothing, while
 * different credentials never share a nonce.
 */
@ApplicationScoped
public class CredentialCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec nonceKey;

    public CredentialCipher(CryptoConfig config) {
        byte[] master = config.credentialKey().map(CredentialCipher::decodeKey).orElseGet(() -> keyFromFile(Path.of(config.keyFile())));
        this.encryptionKey = new SecretKeySpec(derive(master, "vigil-credential-encryption"), "AES");
        this.nonceKey = new SecretKeySpec(derive(master, "vigil-credential-nonce"), "HmacSHA256");
    }

    /** Encrypts {@code user:password} bound to its context (camera and stream), so a blob cannot be moved to another camera. */
    public byte[] encrypt(String context, String plaintext) {
        try {
            byte[] aad = context.getBytes(StandardCharsets.UTF_8);
            byte[] data = plaintext.getBytes(StandardCharsets.UTF_8);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(nonceKey);
            mac.update(aad);
            mac.update((byte) 0);
            byte[] nonce = Arrays.copyOf(mac.doFinal(data), NONCE_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(data);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    public String decrypt(String context, byte[] blob) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, blob, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(blob, NONCE_BYTES, blob.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored credentials cannot be decrypted with the configured key", e);
        }
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
            throw new IllegalStateException("vigil.crypto.credential-key is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("vigil.crypto.credential-key must decode to 32 bytes, not " + key.length);
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
