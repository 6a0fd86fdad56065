package city.vigil.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A stream's credentials as Vigil keeps them, encrypted: the URL's {@code user:password} and the credential parameters
 * of its query ({@code ?user=admin&password=…}, common on HTTP-FLV and HLS cameras), which are secrets as much as the
 * first. Neither is ever stored, logged or answered in clear; probes put them back into the URL they dial.
 */
public record StreamSecret(String userInfo, String query) {
    /** Query parameters that carry a credential (case-insensitive). */
    static final Set<String> CREDENTIAL_PARAMETERS = Set.of("user", "username", "usr", "login", "password", "passwd", "pass", "pwd", "token",
            "access_token", "accesstoken", "auth", "authkey", "auth_key", "key", "apikey", "api_key", "secret", "sign", "signature", "sig");
    /** Between the two parts in the encrypted text; no URL part contains it. */
    private static final char SEPARATOR = '\n';

    /** The credential parameters of a raw query, and the rest: {@code [credentials, remaining]}, each null when empty. */
    static String[] splitQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new String[] {null, null};
        }
        List<String> secret = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            (CREDENTIAL_PARAMETERS.contains(name.toLowerCase(Locale.ROOT)) ? secret : rest).add(pair);
        }
        return new String[] {secret.isEmpty() ? null : String.join("&", secret), rest.isEmpty() ? null : String.join("&", rest)};
    }

    /** The text to encrypt; a secret of only {@code user:password} reads as before query credentials were kept. */
    public String encode() {
        return (userInfo == null ? "" : userInfo) + (query == null ? "" : SEPARATOR + query);
    }

    public static StreamSecret decode(String text) {
        if (text == null) {
            return new StreamSecret(null, null);
        }
        int cut = text.indexOf(SEPARATOR);
        String userInfo = cut < 0 ? text : text.substring(0, cut);
        return new StreamSecret(userInfo.isEmpty() ? null : userInfo, cut < 0 ? null : text.substring(cut + 1));
    }

    /** The user of {@code user:password}, or null. */
    public String user() {
        if (userInfo == null) {
            return null;
        }
        int colon = userInfo.indexOf(':');
        return colon < 0 ? userInfo : userInfo.substring(0, colon);
    }

    /** The password of {@code user:password}, or null. */
    public String password() {
        if (userInfo == null) {
            return null;
        }
        int colon = userInfo.indexOf(':');
        return colon < 0 ? "" : userInfo.substring(colon + 1);
    }

    /** The stored URL with the credential parameters back in its query, to dial. */
    public String withQueryCredentials(String url) {
        if (query == null) {
            return url;
        }
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        return base + (base.contains("?") ? "&" : "?") + query;
    }
}
