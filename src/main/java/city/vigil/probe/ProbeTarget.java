package city.vigil.probe;

import java.net.URI;

/**
 * A stream endpoint to probe: its URL (without credentials, as the registry stores it) and, when the registry holds
 * them, the decrypted credentials. {@link #toString()} never shows the password nor the query.
 */
public record ProbeTarget(URI url, String username, String password) {

    public static ProbeTarget of(String url) {
        return new ProbeTarget(URI.create(url), null, null);
    }

    public ProbeTarget withCredentials(String user, String pass) {
        return new ProbeTarget(url, user, pass);
    }

    boolean hasCredentials() {
        return username != null;
    }

    String host() {
        return url.getHost();
    }

    int port(int defaultPort) {
        return url.getPort() > 0 ? url.getPort() : defaultPort;
    }

    /** Without the query, which may carry credentials ({@code ?password=}). */
    @Override
    public String toString() {
        String shown = url.getScheme() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "") + url.getRawPath()
                + (url.getRawQuery() == null ? "" : "?…");
        return shown + (username == null ? "" : " (as " + username + ")");
    }
}
