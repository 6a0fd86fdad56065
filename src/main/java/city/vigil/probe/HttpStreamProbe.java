package city.vigil.probe;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Liveness probes for HTTP streams, each reading only as much as it needs and then dropping the connection:
 * HTTP-FLV (the FLV header and a first video tag), MPEG-TS over HTTP (sync bytes at 188-byte strides) and HLS (the
 * playlist parses, has segments, and its media sequence keeps advancing).
 */
public final class HttpStreamProbe {
    private static final int FLV_LIMIT = 256 * 1024;
    private static final int TS_PACKETS = 6;
    /** A bounded prefix of an MPEG-TS stream is all the probe reads. */
    private static final int TS_LIMIT = 188 * 64;
    private static final int PLAYLIST_LIMIT = 256 * 1024;

    private final Vertx vertx;
    private final ProbeTimeouts timeouts;
    private final HttpClient client;
    /** Last media sequence seen per HLS playlist, and when it last advanced. */
    private final Map<String, long[]> playlists = new ConcurrentHashMap<>();

    public HttpStreamProbe(Vertx vertx, ProbeTimeouts timeouts) {
        this.vertx = vertx;
        this.timeouts = timeouts;
        // One connection per probe, closed after: a probe must not hold a camera's connection slots.
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setTrustAll(true)
                .setVerifyHost(false).setConnectTimeout((int) timeouts.connect().toMillis()).setMaxPoolSize(1_000));
    }

    public Future<ProbeResult> flv(ProbeTarget target) {
        return fetch(target, FLV_LIMIT, body -> {
            if (body.length() < 13) {
                return null;
            }
            if (body.getByte(0) != 'F' || body.getByte(1) != 'L' || body.getByte(2) != 'V') {
                return Verdict.down(ProbeCause.BAD_RESPONSE, "not an FLV stream");
            }
            int offset = 13;
            while (offset + 11 <= body.length()) {
                int type = body.getByte(offset) & 0x1F;
                int size = body.getUnsignedMedium(offset + 1);
                if (type == 9) {
                    return Verdict.UP;
                }
                offset += 11 + size + 4;
            }
            return body.length() >= FLV_LIMIT ? Verdict.down(ProbeCause.NO_VIDEO_TRACK, "no video tag in the first 256 KiB") : null;
        });
    }

    public Future<ProbeResult> mpegTs(ProbeTarget target) {
        return fetch(target, TS_LIMIT, body -> {
            if (body.length() < 188 * (TS_PACKETS + 1)) {
                return null;
            }
            for (int start = 0; start < 188; start++) {
                boolean aligned = true;
                for (int k = 0; k < TS_PACKETS && aligned; k++) {
                    aligned = body.getByte(start + k * 188) == 0x47;
                }
                if (aligned) {
                    return Verdict.UP;
                }
            }
            return Verdict.down(ProbeCause.BAD_RESPONSE, "no MPEG-TS sync bytes at 188-byte strides");
        });
    }

    public Future<ProbeResult> hls(ProbeTarget target) {
        long started = System.nanoTime();
        return fetchAll(target).map(fetched -> {
            if (fetched.failure != null) {
                return fetched.failure;
            }
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            String text = fetched.body.toString(StandardCharsets.UTF_8);
            if (!text.startsWith("#EXTM3U")) {
                return ProbeResult.down(ProbeCause.BAD_RESPONSE, latency, "not an M3U8 playlist");
            }
            long targetDuration = 0;
            long sequence = 0;
            int segments = 0;
            for (String line : text.split("\r?\n")) {
                if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                    targetDuration = parse(line.substring(22));
                } else if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                    sequence = parse(line.substring(22));
                } else if (line.startsWith("#EXTINF:")) {
                    segments++;
                } else if (line.startsWith("#EXT-X-STREAM-INF")) {
                    return ProbeResult.down(ProbeCause.BAD_RESPONSE, latency, "a master playlist: register a media playlist URL");
                }
            }
            if (segments == 0 || targetDuration <= 0) {
                return ProbeResult.down(ProbeCause.BAD_RESPONSE, latency, "the playlist has no segments or no target duration");
            }
            long now = System.currentTimeMillis();
            long current = sequence;
            long[] seen = playlists.compute(target.url().toString(), (k, last) ->
                    last == null || current > last[0] ? new long[] {current, now} : last);
            if (now - seen[1] > 3 * targetDuration * 1000) {
                return ProbeResult.down(ProbeCause.STALE, latency, "media sequence " + current + " has not advanced for "
                        + (now - seen[1]) / 1000 + " s (target duration " + targetDuration + " s)");
            }
            return ProbeResult.up(latency);
        });
    }

    private static long parse(String s) {
        try {
            return (long) Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** How much a stream probe has decided: null while it needs more bytes. */
    private record Verdict(boolean up, ProbeCause cause, String detail) {
        static final Verdict UP = new Verdict(true, null, null);

        static Verdict down(ProbeCause cause, String detail) {
            return new Verdict(false, cause, detail);
        }
    }

    private record Fetched(Buffer body, ProbeResult failure) {
    }

    /** GETs a stream and reads until {@code decide} has a verdict, then drops the connection. */
    private Future<ProbeResult> fetch(ProbeTarget target, int limit, Function<Buffer, Verdict> decide) {
        long started = System.nanoTime();
        Promise<ProbeResult> promise = Promise.promise();
        long timer = vertx.setTimer(timeouts.total().toMillis(), t -> promise.tryComplete(ProbeResult.down(ProbeCause.TIMEOUT,
                elapsed(started), "no verdict within " + timeouts.total().toMillis() + " ms")));
        promise.future().onComplete(done -> vertx.cancelTimer(timer));
        client.request(options(target)).compose(request -> {
            promise.future().onComplete(done -> request.reset());
            return request.send();
        }).onComplete(ar -> {
            if (ar.failed()) {
                promise.tryComplete(ProbeResult.down(Failures.classify(ar.cause()), elapsed(started), Failures.describe(ar.cause())));
                return;
            }
            HttpClientResponse response = ar.result();
            // The probe drops the connection once it has a verdict: that reset is expected, not an error.
            response.exceptionHandler(e -> promise.tryComplete(ProbeResult.down(Failures.classify(e), elapsed(started), Failures.describe(e))));
            ProbeResult bad = status(response.statusCode(), elapsed(started), target);
            if (bad != null) {
                promise.tryComplete(bad);
                return;
            }
            Buffer body = Buffer.buffer();
            response.handler(chunk -> {
                if (promise.future().isComplete()) {
                    return;
                }
                body.appendBuffer(chunk);
                Verdict verdict = decide.apply(body);
                if (verdict == null && body.length() >= limit) {
                    verdict = Verdict.down(ProbeCause.BAD_RESPONSE, "no verdict within " + limit + " bytes");
                }
                if (verdict != null) {
                    promise.tryComplete(verdict.up ? ProbeResult.up(elapsed(started))
                            : ProbeResult.down(verdict.cause, elapsed(started), verdict.detail));
                }
            });
            response.endHandler(v -> promise.tryComplete(ProbeResult.down(ProbeCause.BAD_RESPONSE, elapsed(started),
                    "the stream ended after " + body.length() + " bytes")));
        });
        return promise.future();
    }

    /** GETs a whole (bounded) document such as a playlist. */
    private Future<Fetched> fetchAll(ProbeTarget target) {
        long started = System.nanoTime();
        Promise<Fetched> promise = Promise.promise();
        long timer = vertx.setTimer(timeouts.total().toMillis(), t -> promise.tryComplete(new Fetched(null,
                ProbeResult.down(ProbeCause.TIMEOUT, elapsed(started), "no playlist within " + timeouts.total().toMillis() + " ms"))));
        promise.future().onComplete(done -> vertx.cancelTimer(timer));
        client.request(options(target)).compose(request -> request.send()).onComplete(ar -> {
            if (ar.failed()) {
                promise.tryComplete(new Fetched(null, ProbeResult.down(Failures.classify(ar.cause()), elapsed(started), Failures.describe(ar.cause()))));
                return;
            }
            HttpClientResponse response = ar.result();
            ProbeResult bad = status(response.statusCode(), elapsed(started), target);
            if (bad != null) {
                promise.tryComplete(new Fetched(null, bad));
                return;
            }
            Buffer body = Buffer.buffer();
            response.handler(chunk -> {
                body.appendBuffer(chunk);
                if (body.length() > PLAYLIST_LIMIT) {
                    promise.tryComplete(new Fetched(null, ProbeResult.down(ProbeCause.BAD_RESPONSE, elapsed(started), "playlist larger than 256 KiB")));
                    response.request().reset();
                }
            });
            response.endHandler(v -> promise.tryComplete(new Fetched(body, null)));
            response.exceptionHandler(e -> promise.tryComplete(new Fetched(null,
                    ProbeResult.down(Failures.classify(e), elapsed(started), Failures.describe(e)))));
        });
        return promise.future();
    }

    private RequestOptions options(ProbeTarget target) {
        URI url = target.url();
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(url.getHost())
                .setPort(target.port(tls ? 443 : 80)).setSsl(tls)
                .setURI(url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()))
                .setIdleTimeout(timeouts.firstByte().toMillis())
                .putHeader("User-Agent", "Vigil liveness probe");
        if (target.hasCredentials()) {
            options.putHeader("Authorization", RtspAuthorization.basic(target.username(), target.password()));
        }
        return options;
    }

    private static ProbeResult status(int status, Duration latency, ProbeTarget target) {
        return switch (status) {
            case 200 -> null;
            case 401, 403 -> ProbeResult.down(ProbeCause.AUTH_FAILED, latency, target.hasCredentials()
                    ? "the stored credentials were refused (" + status + ")" : "the stream wants credentials and none are stored");
            case 404 -> ProbeResult.down(ProbeCause.NOT_FOUND, latency, "answered 404");
            default -> ProbeResult.down(ProbeCause.BAD_RESPONSE, latency, "answered " + status);
        };
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
