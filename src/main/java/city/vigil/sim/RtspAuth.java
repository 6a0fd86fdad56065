package city.vigil.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Basic and Digest (RFC 2617, MD5, no qop) authentication as IP cameras do it. */
final class RtspAuth {
    static final String REALM = "vigil-sim";
    /** One nonce for the process, as many cameras do: clients may answer a challenge on a new connection. */
    static final String NONCE = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");

    private RtspAuth() {
    }

    static String basicChallenge() {
        return "Basic realm=\"" + REALM + "\"";
    }

    static String digestChallenge(String nonce) {
        return "Digest realm=\"" + REALM + "\", nonce=\"" + nonce + "\"";
    }

    /** Whether the Authorization header carries this camera's credentials for this request. */
    static boolean accepts(String authorization, String method, String nonce, String username, String password) {
        if (authorization == null) {
            return false;
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                return decoded.equals(username + ":" + password);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (!authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            return false;
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(authorization.substring(7));
        while (m.find()) {
            p.put(m.group(1).toLowerCase(), m.group(2) != null ? m.group(2) : m.group(3));
        }
        if (!username.equals(p.get("username")) || !nonce.equals(p.get("nonce")) || p.get("uri") == null || p.get("response") == null) {
            return false;
        }
        String ha1 = md5(username + ":" + REALM + ":" + password);
        String ha2 = md5(method + ":" + p.get("uri"));
        return md5(ha1 + ":" + nonce + ":" + ha2).equalsIgnoreCase(p.get("response"));
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
