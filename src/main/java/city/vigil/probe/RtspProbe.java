package city.vigil.probe;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The RTSP liveness probe: connect, OPTIONS, DESCRIBE (answering one 401 with the stored credentials), and require
 * 200 with a video media line. No SETUP/PLAY, so it costs the camera one short connection. Non-blocking: every step
 * runs on a Vert.x event loop, with hard connect, first-byte and total deadlines.
 */
public final class RtspProbe {
    private final Vertx vertx;
    private final ProbeTimeouts timeouts;
    private final NetClient plain;
    private final NetClient tls;

    public RtspProbe(Vertx vertx, ProbeTimeouts timeouts) {
        this.vertx = vertx;
        this.timeouts = timeouts;
        NetClientOptions options = new NetClientOptions().setConnectTimeout((int) timeouts.connect().toMillis())
                .setTcpNoDelay(true).setReuseAddress(true);
        this.plain = vertx.createNetClient(options);
        // Cameras' RTSPS certificates are self-signed as a rule: the probe checks that TLS works, not who signed it.
        this.tls = vertx.createNetClient(new NetClientOptions(options).setSsl(true).setTrustAll(true).setHostnameVerificationAlgorithm(""));
    }

    public Future<ProbeResult> probe(ProbeTarget target) {
        Exchange exchange = new Exchange(target);
        boolean secure = "rtsps".equalsIgnoreCase(target.url().getScheme());
        (secure ? tls : plain).connect(target.port(secure ? 322 : 554), target.host()).onComplete(ar -> {
            if (ar.failed()) {
                exchange.finish(ProbeResult.down(Failures.classify(ar.cause()), exchange.elapsed(), Failures.describe(ar.cause())));
            } else {
                exchange.start(ar.result());
            }
        });
        return exchange.promise.future();
    }

    /** One probe's conversation with a camera. All callbacks run on the same event loop. */
    private final class Exchange {
        final ProbeTarget target;
        final Promise<ProbeResult> promise = Promise.promise();
        final long started = System.nanoTime();
        final long totalTimer;
        long firstByteTimer = -1;
        NetSocket socket;
        Buffer received = Buffer.buffer();
        int cseq;
        boolean answeredChallenge;
        String step = "connect";

        Exchange(ProbeTarget target) {
            this.target = target;
            this.totalTimer = vertx.setTimer(timeouts.total().toMillis(), t -> finish(ProbeResult.down(ProbeCause.TIMEOUT, elapsed(),
                    "no complete answer to " + step + " within " + timeouts.total().toMillis() + " ms")));
        }

        void start(NetSocket s) {
            if (promise.future().isComplete()) {
                s.close();
                return;
            }
            socket = s;
            s.handler(this::onData);
            s.exceptionHandler(e -> finish(ProbeResult.down(Failures.classify(e), elapsed(), Failures.describe(e))));
            s.closeHandler(v -> finish(ProbeResult.down(received.length() == 0 ? ProbeCause.REFUSED : ProbeCause.BAD_RESPONSE,
                    elapsed(), "connection closed during " + step)));
            firstByteTimer = vertx.setTimer(timeouts.firstByte().toMillis(), t -> {
                if (received.length() == 0 && cseq == 1) {
                    finish(ProbeResult.down(ProbeCause.TIMEOUT, elapsed(), "no answer to OPTIONS within " + timeouts.firstByte().toMillis() + " ms"));
                }
            });
            send("OPTIONS", null);
        }

        void onData(Buffer data) {
            received.appendBuffer(data);
            RtspResponse response;
            try {
                response = RtspResponse.parse(received);
            } catch (RtspResponse.MalformedResponse e) {
                finish(ProbeResult.down(ProbeCause.BAD_RESPONSE, elapsed(), e.getMessage()));
                return;
            }
            if (response == null) {
                return;
            }
            received = Buffer.buffer();
            if (step.equals("OPTIONS")) {
                // Some cameras want credentials even for OPTIONS; DESCRIBE decides.
                send("DESCRIBE", null);
            } else {
                onDescribe(response);
            }
        }

        void onDescribe(RtspResponse response) {
            switch (response.status) {
                case 200 -> finish(response.hasVideo() ? ProbeResult.up(elapsed())
                        : ProbeResult.down(ProbeCause.NO_VIDEO_TRACK, elapsed(), "DESCRIBE answered without a video media line"));
                case 401, 403 -> {
                    if (response.status == 401 && target.hasCredentials() && !answeredChallenge) {
                        answeredChallenge = true;
                        RtspAuthorization.answer(response.all("WWW-Authenticate"), "DESCRIBE", target.url().toString(),
                                target.username(), target.password()).ifPresentOrElse(
                                header -> send("DESCRIBE", header),
                                () -> finish(ProbeResult.down(ProbeCause.AUTH_FAILED, elapsed(), "unsupported authentication challenge")));
                    } else {
                        finish(ProbeResult.down(ProbeCause.AUTH_FAILED, elapsed(), target.hasCredentials()
                                ? "the stored credentials were refused" : "the camera wants credentials and none are stored"));
                    }
                }
                case 404 -> finish(ProbeResult.down(ProbeCause.NOT_FOUND, elapsed(), "DESCRIBE answered 404"));
                default -> finish(ProbeResult.down(ProbeCause.BAD_RESPONSE, elapsed(), "DESCRIBE answered " + response.status));
            }
        }

        void send(String method, String authorization) {
            step = method;
            StringBuilder request = new StringBuilder(method).append(' ').append(target.url()).append(" RTSP/1.0\r\n")
                    .append("CSeq: ").append(++cseq).append("\r\n")
                    .append("User-Agent: Vigil liveness probe\r\n");
            if (method.equals("DESCRIBE")) {
                request.append("Accept: application/sdp\r\n");
            }
            if (authorization != null) {
                request.append("Authorization: ").append(authorization).append("\r\n");
            }
            socket.write(Buffer.buffer(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1)));
        }

        void finish(ProbeResult result) {
            if (!promise.tryComplete(result)) {
                return;
            }
            vertx.cancelTimer(totalTimer);
            if (firstByteTimer >= 0) {
                vertx.cancelTimer(firstByteTimer);
            }
            if (socket != null) {
                socket.closeHandler(null);
                socket.close();
            }
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }
}
