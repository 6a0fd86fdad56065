package city.vigil.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random tokens, their digests and their comparison: session ids, CSRF and form tokens, API key secrets, salts. */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHANUMERIC = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private Secrets() {
    }

    public static String token(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(bytes));
    }

    static byte[] bytes(int count) {
        byte[] b = new byte[count];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Whether a token sent back is the one expected, in time that does not tell how much of it matched. */
    public static boolean matches(String expected, String sent) {
        return expected != null && sent != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case letters and digits without look-alikes (l, o, 0, 1): read aloud and typed from a log line. */
    static String readable(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)]);
        }
        return sb.toString();
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
