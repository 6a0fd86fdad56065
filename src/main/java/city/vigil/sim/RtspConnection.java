package city.vigil.sim;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspHeaderNames;
import io.netty.handler.codec.rtsp.RtspMethods;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import io.netty.handler.codec.rtsp.RtspVersions;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One client connection to the simulated cameras: answers RTSP requests for {@code /cam/{id}/{main|sub}} as the
 * camera's scenario says, and streams RTP interleaved on the same connection once playing.
 */
final class RtspConnection extends SimConnection {
    /** Name of the pipeline slot that RTP is written through, past the RTSP encoder. */
    static final String RTP_OUT = "rtp-out";
    private static final Pattern PATH = Pattern.compile("/cam/([^/]+)/(main|sub)(?:/.*)?");
    private static final Pattern INTERLEAVED = Pattern.compile("interleaved=(\\d+)(?:-(\\d+))?");
    private static final String PUBLIC = "OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER";

    private Stream stream;

    /** The one stream a connection sets up (cameras serve one track per session). */
    private final class Stream {
        final String cameraId;
        final Resolution resolution;
        final String sessionId = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        final H264Packetizer packetizer;
        final long timestampOffset = ThreadLocalRandom.current().nextInt() & 0x7FFFFFFFL;
        ScheduledFuture<?> ticker;
        LiveFeed feed;

        Stream(String cameraId, Resolution resolution, int channel) {
            this.cameraId = cameraId;
            this.resolution = resolution;
            this.packetizer = new H264Packetizer(ThreadLocalRandom.current().nextInt(), channel,
                    ThreadLocalRandom.current().nextInt(0x10000));
        }

        void stop() {
            if (ticker != null) {
                ticker.cancel(false);
                ticker = null;
                stats.streams.decrementAndGet();
            }
        }
    }

    RtspConnection(SimFleet fleet, ClipLibrary clips, SimStats stats) {
        super(fleet, clips, stats);
    }

    @Override
    protected void onRequest(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            respond(ctx, request, RtspResponseStatuses.BAD_REQUEST, null);
            ctx.close();
            return;
        }
        if (request.headers().get(RtspHeaderNames.CSEQ) == null) {
            respond(ctx, request, RtspResponseStatuses.BAD_REQUEST, null);
            return;
        }
        if (!request.protocolVersion().equals(RtspVersions.RTSP_1_0)) {
            respond(ctx, request, RtspResponseStatuses.RTSP_VERSION_NOT_SUPPORTED, null);
            return;
        }
        Matcher path = PATH.matcher(pathOf(request.uri()));
        Optional<SimCamera> camera = path.matches() ? fleet.get(path.group(1)) : Optional.empty();
        if (camera.isEmpty()) {
            boolean options = request.method().equals(RtspMethods.OPTIONS);
            respond(ctx, request, options ? RtspResponseStatuses.OK : RtspResponseStatuses.NOT_FOUND,
                    options ? r -> r.headers().set("Public", PUBLIC) : null);
            return;
        }
        SimCamera cam = camera.get();
        hung = ScenarioGate.pass(ctx, request, cam, () -> handle(ctx, request, cam, path.group(2)));
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest request, SimCamera cam, String streamName) {
        HttpMethod method = request.method();
        if (method.equals(RtspMethods.OPTIONS)) {
            respond(ctx, request, RtspResponseStatuses.OK, r -> r.headers().set("Public", PUBLIC));
            return;
        }
        if (cam.scenario() == Scenario.NOT_FOUND) {
            respond(ctx, request, RtspResponseStatuses.NOT_FOUND, null);
            return;
        }
        if (cam.scenario() == Scenario.AUTH_REQUIRED && !RtspAuth.accepts(request.headers().get(RtspHeaderNames.AUTHORIZATION),
                method.name(), RtspAuth.NONCE, cam.username(), cam.password())) {
            respond(ctx, request, RtspResponseStatuses.UNAUTHORIZED, r -> r.headers()
                    .add("WWW-Authenticate", RtspAuth.digestChallenge(RtspAuth.NONCE))
                    .add("WWW-Authenticate", RtspAuth.basicChallenge()));
            return;
        }
        Resolution resolution = streamName.equals("main") ? Resolution.MAIN : Resolution.SUB;
        if (method.equals(RtspMethods.DESCRIBE)) {
            describe(ctx, request, cam, resolution);
        } else if (method.equals(RtspMethods.SETUP)) {
            setup(ctx, request, cam, resolution);
        } else if (method.equals(RtspMethods.PLAY)) {
            if (sessionMatches(ctx, request)) {
                play(ctx, request, cam);
            }
        } else if (method.equals(RtspMethods.PAUSE)) {
            if (sessionMatches(ctx, request)) {
                stream.stop();
                respond(ctx, request, RtspResponseStatuses.OK, this::session);
            }
        } else if (method.equals(RtspMethods.TEARDOWN)) {
            if (sessionMatches(ctx, request)) {
                stream.stop();
                respond(ctx, request, RtspResponseStatuses.OK, null);
                stream = null;
            }
        } else if (method.equals(RtspMethods.GET_PARAMETER)) {
            respond(ctx, request, RtspResponseStatuses.OK, stream == null ? null : this::session);
        } else {
            respond(ctx, request, RtspResponseStatuses.METHOD_NOT_ALLOWED, r -> r.headers().set("Allow", PUBLIC));
        }
    }

    private void describe(ChannelHandlerContext ctx, FullHttpRequest request, SimCamera cam, Resolution resolution) {
        clips.withClip(cam.scenario().picture, resolution, ctx.executor(), clip -> describe(ctx, request, cam, clip),
                () -> respond(ctx, request, RtspResponseStatuses.INTERNAL_SERVER_ERROR, null));
    }

    private void describe(ChannelHandlerContext ctx, FullHttpRequest request, SimCamera cam, Clip clip) {
        String sdp = "v=0\r\n"
                + "o=- " + (cam.since() / 1000) + " 1 IN IP4 127.0.0.1\r\n"
                + "s=Vigil simulated camera " + cam.id() + "\r\n"
                + "c=IN IP4 0.0.0.0\r\n"
                + "t=0 0\r\n"
                + "a=control:*\r\n"
                + "m=video 0 RTP/AVP " + H264Packetizer.PAYLOAD_TYPE + "\r\n"
                + "a=rtpmap:" + H264Packetizer.PAYLOAD_TYPE + " H264/90000\r\n"
                + "a=fmtp:" + H264Packetizer.PAYLOAD_TYPE + " packetization-mode=1;profile-level-id=" + clip.profileLevelId()
                + ";sprop-parameter-sets=" + clip.spropParameterSets() + "\r\n"
                + "a=framerate:" + Clip.FPS + "\r\n"
                + "a=control:trackID=0\r\n";
        String base = request.uri().endsWith("/") ? request.uri() : request.uri() + "/";
        respond(ctx, request, RtspResponseStatuses.OK, r -> {
            r.headers().set("Content-Type", "application/sdp");
            r.headers().set("Content-Base", base);
            r.content().writeBytes(sdp.getBytes(StandardCharsets.US_ASCII));
        });
    }

    private void setup(ChannelHandlerContext ctx, FullHttpRequest request, SimCamera cam, Resolution resolution) {
        String transport = request.headers().get(RtspHeaderNames.TRANSPORT, "");
        if (!transport.toUpperCase().contains("RTP/AVP/TCP")) {
            // UDP is optional in RFC 2326 servers; clients then retry over TCP.
            respond(ctx, request, RtspResponseStatuses.UNSUPPORTED_TRANSPORT, null);
            return;
        }
        if (stream != null && stream.ticker != null) {
            respond(ctx, request, RtspResponseStatuses.METHOD_NOT_VALID, null);
            return;
        }
        Matcher m = INTERLEAVED.matcher(transport);
        int channel = m.find() ? Integer.parseInt(m.group(1)) : 0;
        stream = new Stream(cam.id(), resolution, channel);
        respond(ctx, request, RtspResponseStatuses.OK, r -> {
            r.headers().set("Transport", "RTP/AVP/TCP;unicast;interleaved=" + channel + "-" + (channel + 1));
            session(r);
        });
    }

    private void play(ChannelHandlerContext ctx, FullHttpRequest request, SimCamera cam) {
        Stream s = stream;
        if (s.feed == null) {
            // Start at the last keyframe and catch up to live, as the media servers of a video network (GOP cache) and
            // cameras that answer a new session with an IDR do: a client decodes at once instead of waiting out a GOP.
            s.feed = new LiveFeed(fleet, clips, s.cameraId, s.resolution, LiveFeed.lastKeyframe());
        }
        long rtpTime = (s.timestampOffset + (s.feed.frameIndex() + 1) * Clip.TICKS_PER_FRAME) & 0xFFFFFFFFL;
        String url = request.uri();
        respond(ctx, request, RtspResponseStatuses.OK, r -> {
            session(r);
            r.headers().set("Range", "npt=now-");
            r.headers().set("RTP-Info", "url=" + url + ";seq=" + s.packetizer.nextSequence() + ";rtptime=" + rtpTime);
        });
        if (s.ticker == null) {
            stats.streams.incrementAndGet();
            long behind = LiveFeed.liveFrame() - s.feed.frameIndex() - 1;
            for (long i = 0; i < behind; i++) {
                if (!tick(ctx, s)) {
                    return;
                }
            }
            s.ticker = ctx.executor().scheduleAtFixedRate(() -> { tick(ctx, s); }, LiveFeed.FRAME_NANOS, LiveFeed.FRAME_NANOS, TimeUnit.NANOSECONDS);
        }
    }

    /** Sends the next frame, or ends the stream as the camera's current scenario says (then false). */
    private boolean tick(ChannelHandlerContext ctx, Stream s) {
        switch (s.feed.next()) {
            case CLOSE -> {
                s.stop();
                ctx.close();
                return false;
            }
            case RESET -> {
                s.stop();
                ScenarioGate.reset(ctx);
                return false;
            }
            case WAIT -> {
            }
            case SEND -> {
                if (!ctx.channel().isWritable()) {
                    // A slow reader loses frames rather than growing our buffers, as a camera's encoder would.
                    return true;
                }
                long timestamp = s.timestampOffset + s.feed.frameIndex() * Clip.TICKS_PER_FRAME;
                ChannelHandlerContext rtp = ctx.pipeline().context(RTP_OUT);
                s.packetizer.packetize(s.feed.unit().nals(), timestamp, ctx.alloc(), rtp::write);
                rtp.flush();
            }
        }
        return true;
    }

    private boolean sessionMatches(ChannelHandlerContext ctx, FullHttpRequest request) {
        String session = request.headers().get(RtspHeaderNames.SESSION);
        if (stream == null || session == null || !session.split(";")[0].trim().equals(stream.sessionId)) {
            respond(ctx, request, RtspResponseStatuses.SESSION_NOT_FOUND, null);
            return false;
        }
        return true;
    }

    private void session(FullHttpResponse response) {
        response.headers().set("Session", stream.sessionId + ";timeout=60");
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
                                java.util.function.Consumer<FullHttpResponse> decorate) {
        FullHttpResponse response = new DefaultFullHttpResponse(RtspVersions.RTSP_1_0, status, Unpooled.buffer(0));
        String cseq = request.headers().get(RtspHeaderNames.CSEQ);
        if (cseq != null) {
            response.headers().set("CSeq", cseq);
        }
        response.headers().set("Server", "Vigil camera simulator");
        if (decorate != null) {
            decorate.accept(response);
        }
        response.headers().set("Content-Length", response.content().readableBytes());
        ctx.writeAndFlush(response);
    }


    private static String pathOf(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return uri;
        }
        int slash = uri.indexOf('/', scheme + 3);
        String path = slash < 0 ? "/" : uri.substring(slash);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    @Override
    protected void stopStreaming() {
        // A client that disconnects mid-stream frees its session here.
        if (stream != null) {
            stream.stop();
            stream = null;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
