package city.vigil.camera;

import java.util.Locale;

/** How a stream endpoint is read; inferred from the URL when the ledger does not say. */
public enum StreamProtocol {
    RTSP, HTTP_FLV, HTTP_TS, HLS;

    /** The protocol a URL implies: rtsp(s) scheme, or the file extension of an http(s) path. */
    public static StreamProtocol infer(String scheme, String path) {
        if (scheme.equals("rtsp") || scheme.equals("rtsps")) {
            return RTSP;
        }
        String p = path == null ? "" : path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".m3u8")) {
            return HLS;
        }
        if (p.endsWith(".flv")) {
            return HTTP_FLV;
        }
        return p.endsWith(".ts") ? HTTP_TS : null;
    }

    /** Whether a URL scheme can carry this protocol. */
    public boolean allows(String scheme) {
        return this == RTSP ? scheme.equals("rtsp") || scheme.equals("rtsps") : scheme.equals("http") || scheme.equals("https");
    }
}
