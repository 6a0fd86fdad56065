package city.vigil.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Deletes the tests' Redis keys ({@code vigil-test*}) before a run, so every run starts clean. Speaks RESP over a
 * socket: the Quarkus client is not up yet when test resources start.
 */
public final class RedisTestKeys {
    private static final String SCRIPT = "local n = 0 for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) n = n + 1 end return n";

    private RedisTestKeys() {
    }

    public static void clean() {
        String[] args = {"EVAL", SCRIPT, "0", "vigil-test*"};
        StringBuilder command = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            command.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
        }
        try (Socket socket = new Socket("127.0.0.1", 6379)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(command.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            if (first != ':') {
                throw new IllegalStateException("Redis refused to clean the test keys (reply starts with '" + (char) first + "')");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Tests need Redis at 127.0.0.1:6379: " + e.getMessage(), e);
        }
    }
}
