package city.vigil.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP streams of the simulated cameras: live MPEG-TS ({@code /cam/{id}/sub.ts}) and HTTP-FLV ({@code .flv}),
 * chunked and paced in real time from the last keyframe, and HLS ({@code /cam/{id}/sub/index.m3u8}) with a sliding
 * window of one-GOP segments that age like a live camera's.
 */
final class HttpStreamConnection extends SimConnection {
    private static final Pattern LIVE = Pattern.compile("/cam/([^/]+)/(main|sub)\\.(ts|flv)");
    private static final Pattern HLS = Pattern.compile("/cam/([^/]+)/(main|sub)/(index\\.m3u8|(\\d+)\\.ts)");
    static final int WINDOW = 6;
    /** Segments older than the window stay fetchable a while, for clients that read slowly. */
    private static final int KEEP = 20;

    private ScheduledFuture<?> ticker;

    HttpStreamConnection(SimFleet fleet, ClipLibrary clips, SimStats stats) {
        super(fleet, clips, stats);
    }

    @Override
    protected void onRequest(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            respond(ctx, HttpResponseStatus.BAD_REQUEST, "malformed request\n", null);
            ctx.close();
            return;
        }
        if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
            respond(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "GET only\n", r -> r.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD"));
            return;
        }
        String path = request.uri().split("\\?")[0];
        Matcher live = LIVE.matcher(path);
        Matcher hls = HLS.matcher(path);
        String id = live.matches() ? live.group(1) : hls.matches() ? hls.group(1) : null;
        Optional<SimCamera> camera = Optional.ofNullable(id).flatMap(fleet::get);
        if (camera.isEmpty()) {
            respond(ctx, HttpResponseStatus.NOT_FOUND, "no such stream\n", null);
            return;
        }
        SimCamera cam = camera.get();
        hung = ScenarioGate.pass(ctx, request, cam, () -> serve(ctx, request, cam, live, hls));
    }

    private void serve(ChannelHandlerContext ctx, FullHttpRequest request, SimCamera cam, Matcher live, Matcher hls) {
        if (cam.scenario() == Scenario.NOT_FOUND) {
            respond(ctx, HttpResponseStatus.NOT_FOUND, "no such stream\n", null);
            return;
        }
        if (cam.scenario() == Scenario.AUTH_REQUIRED && !RtspAuth.accepts(request.headers().get(HttpHeaderNames.AUTHORIZATION),
                request.method().name(), RtspAuth.NONCE, cam.username(), cam.password())) {
            respond(ctx, HttpResponseStatus.UNAUTHORIZED, "credentials required\n", r -> r.headers()
                    .add(HttpHeaderNames.WWW_AUTHENTICATE, RtspAuth.digestChallenge(RtspAuth.NONCE))
                    .add(HttpHeaderNames.WWW_AUTHENTICATE, RtspAuth.basicChallenge()));
            return;
        }
        if (live.matches()) {
            Resolution resolution = live.group(2).equals("main") ? Resolution.MAIN : Resolution.SUB;
            startLive(ctx, cam, resolution, live.group(3).equals("flv"), request.method().equals(HttpMethod.HEAD));
        } else {
            Resolution resolution = hls.group(2).equals("main") ? Resolution.MAIN : Resolution.SUB;
            if (hls.group(4) == null) {
                playlist(ctx, cam, hls.group(2));
            } else {
                segment(ctx, cam, resolution, Long.parseLong(hls.group(4)));
            }
        }
    }

    private void startLive(ChannelHandlerContext ctx, SimCamera cam, Resolution resolution, boolean flv, boolean headOnly) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, flv ? "video/x-flv" : "video/mp2t");
        response.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        ctx.writeAndFlush(response);
        if (headOnly) {
            ctx.writeAndFlush(io.netty.handler.codec.http.LastHttpContent.EMPTY_LAST_CONTENT);
            return;
        }
        // Start at the last keyframe and catch up to live, as a GOP-caching media server does.
        LiveFeed feed = new LiveFeed(fleet, clips, cam.id(), resolution, LiveFeed.lastKeyframe());
        TsMuxer ts = new TsMuxer();
        FlvMuxer flvMuxer = new FlvMuxer();
        boolean[] headerSent = {false};
        boolean[] waitKeyframe = {false};
        Runnable step = () -> {
            switch (feed.next()) {
                case CLOSE -> stopAndClose(ctx);
                case RESET -> {
                    stop();
                    ScenarioGate.reset(ctx);
                }
                case WAIT -> {
                }
                case SEND -> {
                    Clip.AccessUnit unit = feed.unit();
                    if (!ctx.channel().isWritable() || (waitKeyframe[0] && !unit.keyframe())) {
                        // A slow reader loses frames up to the next keyframe instead of growing our buffers.
                        waitKeyframe[0] = true;
                        return;
                    }
                    waitKeyframe[0] = false;
                    ByteBuf chunk;
                    if (flv) {
                        chunk = headerSent[0] ? flvMuxer.frame(ctx.alloc(), unit, feed.frameIndex())
                                : Unpooled.wrappedBuffer(flvMuxer.header(ctx.alloc(), feed.clip()), flvMuxer.frame(ctx.alloc(), unit, feed.frameIndex()));
                        headerSent[0] = true;
                    } else {
                        chunk = ts.frame(ctx.alloc(), unit, feed.frameIndex());
                    }
                    ctx.writeAndFlush(new DefaultHttpContent(chunk));
                }
            }
        };
        long behind = LiveFeed.liveFrame() - LiveFeed.lastKeyframe();
        for (long i = 0; i < behind && ctx.channel().isActive(); i++) {
            step.run();
        }
        stats.streams.incrementAndGet();
        ticker = ctx.executor().scheduleAtFixedRate(step, LiveFeed.FRAME_NANOS, LiveFeed.FRAME_NANOS, TimeUnit.NANOSECONDS);
    }

    private void playlist(ChannelHandlerContext ctx, SimCamera cam, String stream) {
        long newest = newestSegment(cam);
        StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:" + (Clip.GOP / Clip.FPS) + "\n")
                .append("#EXT-X-MEDIA-SEQUENCE:").append(Math.max(0, newest - WINDOW + 1)).append('\n');
        for (long n = Math.max(0, newest - WINDOW + 1); n <= newest; n++) {
            m3u8.append("#EXTINF:").append(String.format("%.3f", (double) Clip.GOP / Clip.FPS)).append(",\n")
                    .append(n).append(".ts\n");
        }
        respond(ctx, HttpResponseStatus.OK, m3u8.toString(), r -> {
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/vnd.apple.mpegurl");
            r.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        });
    }

    private void segment(ChannelHandlerContext ctx, SimCamera cam, Resolution resolution, long n) {
        long newest = newestSegment(cam);
        Picture picture = cam.scenario().picture;
        if (n > newest || n < newest - KEEP || picture == null || cam.scenario() == Scenario.NO_VIDEO) {
            respond(ctx, HttpResponseStatus.NOT_FOUND, "no such segment\n", null);
            return;
        }
        clips.withClip(picture, resolution, ctx.executor(), clip -> segment(ctx, clip, n),
                () -> respond(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "the clip could not be encoded\n", null));
    }

    private static void segment(ChannelHandlerContext ctx, Clip clip, long n) {
        TsMuxer ts = new TsMuxer();
        ByteBuf body = ctx.alloc().buffer();
        for (long f = n * Clip.GOP; f < (n + 1) * Clip.GOP; f++) {
            ByteBuf frame = ts.frame(ctx.alloc(), clip.frame(f), f);
            body.writeBytes(frame);
            frame.release();
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "video/mp2t");
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        ctx.writeAndFlush(response);
    }

    /** The newest complete segment: it stops advancing when a camera's playlist goes stale. */
    private static long newestSegment(SimCamera cam) {
        long live = LiveFeed.liveFrame();
        if (cam.scenario() == Scenario.STALE_HLS) {
            live -= (System.currentTimeMillis() - cam.since()) * Clip.FPS / 1000;
        }
        return live / Clip.GOP - 1;
    }

    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String body,
                                java.util.function.Consumer<FullHttpResponse> decorate) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.headers().set(HttpHeaderNames.SERVER, "Vigil camera simulator");
        if (decorate != null) {
            decorate.accept(response);
        }
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        ctx.writeAndFlush(response);
    }

    @Override
    protected void stopStreaming() {
        stop();
    }

    private void stop() {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
            stats.streams.decrementAndGet();
        }
    }

    private void stopAndClose(ChannelHandlerContext ctx) {
        stop();
        ctx.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        stopAndClose(ctx);
    }
}
