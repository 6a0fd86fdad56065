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
import java.util.List;

/**
 * The RTSP liveness probe: connect, OPTIONS, DESCRIBE (answering one 401 with the stored credentials), and require
 * 200 with a video media line. At the default depth there is no SETUP/PLAY, so it costs the camera one short connection;
 * FIRST_PACKET goes on to SETUP/PLAY over TCP and waits for the first RTP packet. Non-blocking: every step
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
        return probe(target, ProbeDepth.DESCRIBE);
    }

    /** Probes to the given depth: DESCRIBE, or on to SETUP/PLAY and the first interleaved RTP packet. */
    public Future<ProbeResult> probe(ProbeTarget target, ProbeDepth depth) {
        Exchange exchange = new Exchange(target, depth);
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
        final ProbeDepth depth;
        final Promise<ProbeResult> promise = Promise.promise();
        final long started = System.nanoTime();
        final long totalTimer;
        long firstByteTimer = -1;
        NetSocket socket;
        Buffer received = Buffer.buffer();
        int cseq;
        /** The challenge answered once; SETUP and PLAY answer it again for their own method and URL. */
        List<String> challenges;
        String session;
        /** PLAY was answered: from here on only the first RTP packet counts. */
        boolean playing;
        String step = "connect";

        Exchange(ProbeTarget target, ProbeDepth depth) {
            this.target = target;
            this.depth = depth;
            this.totalTimer = vertx.setTimer(timeouts.total().toMillis(), t -> finish(playing
                    ? ProbeResult.down(ProbeCause.NO_MEDIA, elapsed(), "PLAY answered but no RTP packet within " + timeouts.total().toMillis() + " ms")
                    : ProbeResult.down(ProbeCause.TIMEOUT, elapsed(), "no complete answer to " + step + " within " + timeouts.total().toMillis() + " ms")));
        }

        void start(NetSocket s) {
            if (promise.future().isComplete()) {
                s.close();
                return;
            }
            socket = s;
            s.handler(this::onData);
            s.exceptionHandler(e -> finish(ProbeResult.down(Failures.classify(e), elapsed(), Failures.describe(e))));
            s.closeHandler(v -> finish(ProbeResult.down(received.length() == 0 && cseq == 1 ? ProbeCause.REFUSED : ProbeCause.BAD_RESPONSE,
                    elapsed(), "connection closed during " + step)));
            firstByteTimer = vertx.setTimer(timeouts.firstByte().toMillis(), t -> {
                if (received.length() == 0 && cseq == 1) {
                    finish(ProbeResult.down(ProbeCause.TIMEOUT, elapsed(), "no answer to OPTIONS within " + timeouts.firstByte().toMillis() + " ms"));
                }
            });
            send("OPTIONS", target.url().toString(), null);
        }

        void onData(Buffer data) {
            received.appendBuffer(data);
            if (playing) {
                // Interleaved RTP frames start with '$' (RFC 2326 §10.12); anything else is a late RTSP message.
                for (int i = 0; i < received.length(); i++) {
                    if (received.getByte(i) == '$') {
                        finish(ProbeResult.up(elapsed()));
                        return;
                    }
                }
                return;
            }
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
            received = received.getBuffer(response.length, received.length());
            switch (step) {
                // Some cameras want credentials even for OPTIONS; DESCRIBE decides.
                case "OPTIONS" -> send("DESCRIBE", target.url().toString(), null);
                case "DESCRIBE" -> onDescribe(response);
                case "SETUP" -> onSetup(response);
                case "PLAY" -> onPlay(response);
                default -> finish(ProbeResult.down(ProbeCause.BAD_RESPONSE, elapsed(), "unexpected answer during " + step));
            }
        }

        void onDescribe(RtspResponse response) {
            switch (response.status) {
                case 200 -> {
                    if (!response.hasVideo()) {
                        finish(ProbeResult.down(ProbeCause.NO_VIDEO_TRACK, elapsed(), "DESCRIBE answered without a video media line"));
                    } else if (depth == ProbeDepth.FIRST_PACKET) {
                        send("SETUP", response.videoControlUrl(target.url().toString()), "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n");
                    } else {
                        finish(ProbeResult.up(elapsed()));
                    }
                }
                case 401, 403 -> {
                    if (response.status == 401 && target.hasCredentials() && challenges == null) {
                        challenges = response.all("WWW-Authenticate");
                        if (authorization("DESCRIBE", target.url().toString()) == null) {
                            finish(ProbeResult.down(ProbeCause.AUTH_FAILED, elapsed(), "unsupported authentication challenge"));
                        } else {
                            send("DESCRIBE", target.url().toString(), null);
                        }
                    } else {
                        finish(ProbeResult.down(ProbeCause.AUTH_FAILED, elapsed(), target.hasCredentials()
                                ? "the stored credentials were refused" : "the camera wants credentials and none are stored"));
                    }
                }
                case 404 -> finish(ProbeResult.down(ProbeCause.NOT_FOUND, elapsed(), "DESCRIBE answered 404"));
                default -> finish(ProbeResult.down(ProbeCause.BAD_RESPONSE, elapsed(), "DESCRIBE answered " + response.status));
            }
        }

        void onSetup(RtspResponse response) {
            session = response.first("Session");
            if (response.status != 200 || session == null) {
                finish(ProbeResult.down(ProbeCause.BAD_RESPONSE, elapsed(), "SETUP answered " + response.status
                        + (session == null ? " without a session" : "")));
                return;
            }
            send("PLAY", target.url().toString(), "Session: " + session + "\r\nRange: npt=0.000-\r\n");
        }

        void onPlay(RtspResponse response) {
            if (response.status != 200) {
                finish(ProbeResult.down(ProbeCause.BAD_RESPONSE, elapsed(), "PLAY answered " + response.status));
                return;
            }
            playing = true;
            if (received.length() > 0) {
                onData(Buffer.buffer());
            }
        }

        String authorization(String method, String url) {
            return challenges == null ? null
                    : RtspAuthorization.answer(challenges, method, url, target.username(), target.password()).orElse(null);
        }

        void send(String method, String url, String extraHeaders) {
            step = method;
            StringBuilder request = new StringBuilder(method).append(' ').append(url).append(" RTSP/1.0\r\n")
                    .append("CSeq: ").append(++cseq).append("\r\n")
                    .append("User-Agent: Vigil liveness probe\r\n");
            if (method.equals("DESCRIBE")) {
                request.append("Accept: application/sdp\r\n");
            }
            String authorization = authorization(method, url);
            if (authorization != null) {
                request.append("Authorization: ").append(authorization).append("\r\n");
            }
            if (extraHeaders != null) {
                request.append(extraHeaders);
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
                socket.handler(null);
                if (session != null) {
                    // Polite end of a played session; closing the connection ends it anyway on servers that ignore it.
                    send("TEARDOWN", target.url().toString(), "Session: " + session + "\r\n");
                }
                socket.close();
            }
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }
}
