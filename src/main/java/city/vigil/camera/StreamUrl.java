package city.vigil.camera;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A stream URL split into the address Vigil stores and shows, and the credentials it keeps encrypted
 * ({@link StreamSecret}: {@code user:password}, and credential parameters of the query such as {@code password=}).
 * Ledgers put credentials in URLs; they never reach the database or a response in clear.
 */
public record StreamUrl(String url, String scheme, StreamProtocol protocol, String credentials) {

    /** Parses a ledger URL; the error text never repeats the credentials. */
    public static StreamUrl parse(String raw, StreamProtocol declared) throws InvalidStreamUrl {
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw new InvalidStreamUrl("is not a valid URL");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase()).orElse("");
        if (!(scheme.equals("rtsp") || scheme.equals("rtsps") || scheme.equals("http") || scheme.equals("https"))) {
            throw new InvalidStreamUrl("must use rtsp, rtsps, http or https");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidStreamUrl("must name a host");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new InvalidStreamUrl("has a port outside 1-65535");
        }
        StreamProtocol protocol = declared != null ? declared : StreamProtocol.infer(scheme, uri.getPath());
        if (protocol == null) {
            throw new InvalidStreamUrl("does not say its protocol (path ending .flv, .ts or .m3u8); set the protocol");
        }
        if (!protocol.allows(scheme)) {
            throw new InvalidStreamUrl("scheme " + scheme + " cannot carry " + protocol);
        }
        String userInfo = uri.getRawUserInfo() == null ? null : URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
        String[] query = StreamSecret.splitQuery(uri.getRawQuery());
        StreamSecret secret = new StreamSecret(userInfo, query[0]);
        try {
            String clean = new URI(scheme, null, uri.getHost(), uri.getPort(), uri.getRawPath() == null ? null : uri.getPath(), null, null)
                    .toASCIIString() + (query[1] == null ? "" : "?" + query[1]);
            return new StreamUrl(clean, scheme, protocol, userInfo == null && query[0] == null ? null : secret.encode());
        } catch (URISyntaxException e) {
            throw new InvalidStreamUrl("is not a valid URL");
        }
    }

    /** A URL that cannot be stored; the message is safe to show (no credentials). */
    public static final class InvalidStreamUrl extends Exception {
        public InvalidStreamUrl(String reason) {
            super(reason, null, false, false);
        }
    }
}
