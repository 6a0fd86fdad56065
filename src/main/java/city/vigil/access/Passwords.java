package city.vigil.access;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes: PBKDF2-HMAC-SHA256 from the JDK with a random salt, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so the work factor can rise without invalidating old hashes.
 */
final class Passwords {
    private static final String PREFIX = "pbkdf2-sha256";

    private Passwords() {
    }

    static String hash(String password, int iterations) {
        byte[] salt = Secrets.bytes(16);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derive(password, salt, iterations));
    }

    static boolean verify(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
    }

    /** A rule a person can follow and an attacker's list mostly cannot pass. */
    static String weakness(String password, String userName) {
        if (password == null || password.length() < 12) {
            return "must be at least 12 characters";
        }
        if (password.length() > 256) {
            return "must be at most 256 characters";
        }
        if (password.toLowerCase().contains(userName.toLowerCase())) {
            return "must not contain the user name";
        }
        if (password.chars().distinct().count() < 6) {
            return "must use at least 6 different characters";
        }
        return null;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is unavailable", e);
        }
    }
}
