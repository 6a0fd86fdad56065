package city.vigil.probe;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Maps what the network threw to a probe cause. */
final class Failures {
    private Failures() {
    }

    static ProbeCause classify(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnknownHostException) {
                return ProbeCause.DNS;
            }
            if (c instanceof SSLException) {
                return ProbeCause.TLS;
            }
            if (c instanceof io.netty.channel.ConnectTimeoutException || c instanceof java.util.concurrent.TimeoutException) {
                return ProbeCause.TIMEOUT;
            }
            if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
                return ProbeCause.REFUSED;
            }
            String message = c.getMessage() == null ? "" : c.getMessage().toLowerCase();
            if (message.contains("connection reset") || message.contains("refused")) {
                return ProbeCause.REFUSED;
            }
            if (message.contains("timed out") || message.contains("timeout")) {
                return ProbeCause.TIMEOUT;
            }
        }
        return ProbeCause.BAD_RESPONSE;
    }

    static String describe(Throwable t) {
        String name = t.getClass().getSimpleName();
        return t.getMessage() == null ? name : name + ": " + t.getMessage();
    }
}
