package city.vigil.webhook;

import city.vigil.platform.EmbeddedDatabase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Where receivers reach Vigil's API, for the links in webhook payloads: {@code vigil.webhooks.public-url} when set;
 * otherwise the address and port Vigil is bound to (the embedded demo's 127.0.0.1 and its port), with a warning at start
 * in production, where a receiver elsewhere would need the address behind the load balancer.
 */
@ApplicationScoped
public class PublicUrl {
    private static final Logger LOG = Logger.getLogger(PublicUrl.class);
    private final Optional<String> configured;
    private volatile String resolved;

    PublicUrl(WebhookConfig config) {
        this.configured = config.publicUrl().map(u -> u.trim().replaceAll("/+$", "")).filter(u -> !u.isEmpty());
    }

    void onStart(@Observes StartupEvent event) {
        if (configured.isEmpty() && !EmbeddedDatabase.active()) {
            LOG.warn("vigil.webhooks.public-url is unset: links in webhook payloads point at the address and port Vigil is bound to, "
                    + "which receivers on other machines may not reach; set it to the address they use");
        }
    }

    /** The base URL, without a trailing slash. */
    public String get() {
        if (configured.isPresent()) {
            return configured.get();
        }
        String r = resolved;
        if (r == null) {
            var config = ConfigProvider.getConfig();
            String host = config.getOptionalValue("quarkus.http.host", String.class).orElse("localhost");
            if (host.equals("0.0.0.0") || host.equals("::")) {
                host = localName();
            }
            String portKey = io.quarkus.runtime.LaunchMode.current() == io.quarkus.runtime.LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
            // A random port (0) is set as a system property by Quarkus once bound: read that first.
            Integer bound = Integer.getInteger(portKey);
            int port = bound != null && bound > 0 ? bound : config.getOptionalValue(portKey, Integer.class).orElse(8080);
            r = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
            if (port > 0) {
                // Known once the server is bound (a random test port is 0 before).
                resolved = r;
            }
        }
        return r;
    }

    private static String localName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
