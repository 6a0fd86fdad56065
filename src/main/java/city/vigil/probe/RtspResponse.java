package city.vigil.probe;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An RTSP response read from a byte stream: status line, headers (repeatable), body by Content-Length. */
final class RtspResponse {
    private static final int MAX_HEAD = 16 * 1024;
    private static final int MAX_BODY = 64 * 1024;

    final int status;
    final List<String[]> headers;
    final String body;
    /** Bytes of the buffer this response took: what follows may already be RTP data. */
    final int length;

    private RtspResponse(int status, List<String[]> headers, String body, int length) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.length = length;
    }

    /** Parses one complete response from the start of {@code buf}, or returns null while it is incomplete. */
    static RtspResponse parse(Buffer buf) throws MalformedResponse {
        String text = buf.getString(0, Math.min(buf.length(), MAX_HEAD + MAX_BODY), StandardCharsets.ISO_8859_1.name());
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            if (buf.length() > MAX_HEAD) {
                throw new MalformedResponse("response head longer than " + MAX_HEAD + " bytes");
            }
            return null;
        }
        String[] lines = text.substring(0, end).split("\r\n");
        if (!lines[0].startsWith("RTSP/1.0 ") || lines[0].length() < 12) {
            throw new MalformedResponse("not an RTSP response: " + lines[0].substring(0, Math.min(40, lines[0].length())));
        }
        int status;
        try {
            status = Integer.parseInt(lines[0].substring(9, 12));
        } catch (NumberFormatException e) {
            throw new MalformedResponse("bad status line");
        }
        List<String[]> headers = new ArrayList<>();
        int length = 0;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).trim();
                String value = lines[i].substring(colon + 1).trim();
                headers.add(new String[] {name, value});
                if (name.equalsIgnoreCase("Content-Length")) {
                    try {
                        length = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new MalformedResponse("bad Content-Length");
                    }
                }
            }
        }
        if (length < 0 || length > MAX_BODY) {
            throw new MalformedResponse("body of " + length + " bytes");
        }
        int bodyStart = end + 4;
        if (text.length() < bodyStart + length) {
            return null;
        }
        return new RtspResponse(status, headers, text.substring(bodyStart, bodyStart + length), bodyStart + length);
    }

    List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                values.add(h[1]);
            }
        }
        return values;
    }

    boolean hasVideo() {
        for (String line : body.split("\r?\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("m=video")) {
                return true;
            }
        }
        return false;
    }

    /** The first value of a header, without parameters after ';' (Session: id;timeout=60 → id), or null. */
    String first(String name) {
        List<String> values = all(name);
        if (values.isEmpty()) {
            return null;
        }
        String v = values.get(0);
        int semi = v.indexOf(';');
        return (semi < 0 ? v : v.substring(0, semi)).trim();
    }

    /**
     * The URL to SETUP the video track at: the video section's {@code a=control}, absolute or relative to
     * Content-Base (else the request URL); the aggregate URL when the section has none.
     */
    String videoControlUrl(String requestUrl) {
        String base = first("Content-Base");
        if (base == null) {
            base = requestUrl;
        }
        boolean inVideo = false;
        for (String line : body.split("\r?\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("m=")) {
                inVideo = lower.startsWith("m=video");
            } else if (inVideo && lower.startsWith("a=control:")) {
                String control = line.substring("a=control:".length()).trim();
                if (control.equals("*")) {
                    return base;
                }
                if (lower.startsWith("a=control:rtsp://") || lower.startsWith("a=control:rtsps://")) {
                    return control;
                }
                return base.endsWith("/") ? base + control : base + "/" + control;
            }
        }
        return base;
    }

    /** The response could not be parsed: the device does not speak RTSP properly. */
    static final class MalformedResponse extends Exception {
        MalformedResponse(String message) {
            super(message, null, false, false);
        }
    }
}
