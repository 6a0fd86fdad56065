package city.vigil.platform;

import java.util.regex.Pattern;

/** Removes credentials from anything that may reach a response or a log line. */
public final class Redact {
    private static final Pattern USERINFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/@\\s]*@");

    private Redact() {
    }

    /** {@code rtsp://admin:secret@host/x} → {@code rtsp://***@host/x}; text without userinfo is unchanged. */
    public static String userInfo(String text) {
        return text == null ? null : USERINFO.matcher(text).replaceAll("$1***@");
    }
}
