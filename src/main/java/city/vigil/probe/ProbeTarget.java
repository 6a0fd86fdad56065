package city.vigil.probe;

import java.net.URI;

/**
 * A stream endpoint to probe: its URL (without credentials, as the registry stores it) and, when the registry holds
 * them, the decrypted credentials. {@link #toString()} never shows the password.
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

    @Override
    public String toString() {
        return url + (username == null ? "" : " (as " + username + ")");
    }
}
