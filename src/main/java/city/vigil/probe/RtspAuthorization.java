package city.vigil.probe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the Authorization header a camera's challenge asks for: Digest (MD5, RFC 2617) when offered, else Basic. */
final class RtspAuthorization {
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");

    private RtspAuthorization() {
    }

    static Optional<String> answer(List<String> challenges, String method, String uri, String user, String password) {
        for (String challenge : challenges) {
            if (challenge.regionMatches(true, 0, "Digest ", 0, 7)) {
                String realm = param(challenge, "realm");
                String nonce = param(challenge, "nonce");
                if (realm == null || nonce == null) {
                    continue;
                }
                String ha1 = md5(user + ":" + realm + ":" + password);
                String ha2 = md5(method + ":" + uri);
                String response = md5(ha1 + ":" + nonce + ":" + ha2);
                return Optional.of("Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                        + "\", uri=\"" + uri + "\", response=\"" + response + "\"");
            }
        }
        for (String challenge : challenges) {
            if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
                return Optional.of(basic(user, password));
            }
        }
        return Optional.empty();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String param(String challenge, String name) {
        Matcher m = PARAM.matcher(challenge.substring(challenge.indexOf(' ') + 1));
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                return m.group(2) != null ? m.group(2) : m.group(3);
            }
        }
        return null;
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
