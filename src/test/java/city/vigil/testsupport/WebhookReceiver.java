package city.vigil.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An alerting system's webhook endpoint on loopback: records every request and checks its signature on its own, from
 * the Standard Webhooks spec (not with Vigil's signing code). {@code answer} says which status to reply with.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Call(String id, String timestamp, String signatures, String body) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    public final AtomicInteger requests = new AtomicInteger();
    private final HttpServer server;
    public volatile IntSupplier answer = () -> 204;
    public volatile String retryAfter;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = answer.getAsInt();
            if (status < 300) {
                calls.add(new Call(exchange.getRequestHeaders().getFirst("webhook-id"), exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), body));
            }
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            byte[] reply = ("status " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, status == 204 ? -1 : reply.length);
            if (status != 204) {
                exchange.getResponseBody().write(reply);
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Call> ofType(String type) {
        List<Call> out = new ArrayList<>();
        for (Call c : calls) {
            if (c.body().contains("\"type\":\"" + type + "\"")) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether one of the space-separated signatures is v1,HMAC-SHA256(base64-decoded secret, id.timestamp.body). */
    public static boolean signedWith(Call call, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((call.id() + "." + call.timestamp() + "." + call.body()).getBytes(StandardCharsets.UTF_8)));
        for (String s : call.signatures().split(" ")) {
            if (s.equals(expected)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
