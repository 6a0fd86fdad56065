package city.vigil.deep;

import city.vigil.probe.ProbeCause;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Opens a stream with FFmpeg, decodes its first keyframe, watches it over the frozen window and measures it: the deep
 * tier's grab. Blocking, for a bounded pool of its own (never an event loop). Hard limits everywhere: FFmpeg's
 * {@code timeout} on every socket wait, RTSP over TCP, a small probe size, no stream-info pass where the SDP says what
 * the stream is, and an interrupt that aborts whatever FFmpeg waits for once the deadline has passed
 * ({@link FfmpegStream}). Packets before the first keyframe are not decoded at all (a decoder cannot use them), and the
 * window's packets are decoded only when their coded size cannot rule a frozen picture out ({@link Motion}). Native
 * memory is released on every path.
 */
public final class DeepGrabber {
    /** A decoder that is never told where a keyframe is would get nothing: past this many packets, feed it everything. */
    private static final int UNFLAGGED_PACKETS = 250;

    static {
        // Joining a live stream makes the decoder complain until the keyframe: expected, not news.
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }

    /**
     * What one grab found: the first keyframe (sampled), what the window showed, a snapshot, or why there is no frame;
     * and what the stream is.
     */
    public record Grab(FrameSample sample, Motion motion, byte[] snapshotJpeg, ProbeCause cause, String detail, Duration timeToFirstFrame,
                       String codec, int width, int height, double fps, Long bitrate, Integer gop) {
        public boolean decoded() {
            return sample != null;
        }
    }

    private final Duration deadline;
    private final Duration frozenWindow;
    private final double frozenMotionBits;
    private final double frozenMotionShare;

    /**
     * {@code frozenWindow}: how far apart the frames compared for "frozen" are (zero: one frame only);
     * {@code thresholds}: inter frames carrying at least {@code frozenMotionBits} slice bits per pixel and
     * {@code frozenMotionShare} of the keyframe's size show a moving picture, and the frames are not compared.
     */
    public DeepGrabber(Duration deadline, Duration frozenWindow, Diagnostics.Thresholds thresholds) {
        this.deadline = deadline;
        this.frozenWindow = frozenWindow;
        this.frozenMotionBits = thresholds.frozenMotionBits();
        this.frozenMotionShare = thresholds.frozenMotionShare();
    }

    /**
     * Grabs from {@code url}; {@code user}/{@code password} (may be null) go into the URL FFmpeg opens and nowhere
     * else.
     */
    public Grab grab(String url, String user, String password) {
        long started = System.nanoTime();
        long deadlineNanos = started + deadline.toNanos();
        boolean rtsp = url.toLowerCase(Locale.ROOT).startsWith("rtsp");
        FfmpegStream stream;
        try {
            // RTSP: the SDP's sprop-parameter-sets already say what the stream is, so the stream-info pass (which
            // decodes frames only to learn it) is skipped; the first decoded frame tells the rest.
            stream = FfmpegStream.open(withCredentials(url, user, password), options(rtsp), !rtsp, deadlineNanos);
        } catch (FfmpegStream.OpenFailed e) {
            return failed(classifyOpen(e.code, started), quiet(e.getMessage()), started);
        }
        try (stream) {
            return read(stream, started, deadlineNanos);
        } catch (FfmpegStream.ReadFailed e) {
            // The stream opened (the server answers) but gave no picture: no media, whether it went silent or broke off.
            String why = e.code == avutil.AVERROR_EXIT ? "no keyframe within " + deadline.toMillis() + " ms" : "reading failed: " + quiet(e.getMessage());
            return failed(ProbeCause.NO_MEDIA, why, started);
        }
    }

    private Map<String, String> options(boolean rtsp) {
        Map<String, String> options = new LinkedHashMap<>();
        // FFmpeg retries an open once, so each wait gets a third of the budget; the interrupt bounds the whole grab.
        String timeout = Long.toString(Math.max(200_000, deadline.toNanos() / 3_000));
        options.put("timeout", timeout);
        if (rtsp) {
            options.put("rtsp_transport", "tcp");
        } else {
            options.put("rw_timeout", timeout);
        }
        options.put("analyzeduration", "100000");
        options.put("probesize", rtsp ? "32768" : "262144");
        // No "fflags nobuffer": it drops the packets read while probing, the keyframe a GOP-caching server sends first
        // among them, and every grab then waits a whole GOP for the next one.
        return options;
    }

    private Grab read(FfmpegStream stream, long started, long deadlineNanos) throws FfmpegStream.ReadFailed {
        int packets = 0;
        int skipped = 0;
        boolean keySeen = false;
        long keyBytes = 0;
        AVFrame first = null;
        while (first == null && System.nanoTime() < deadlineNanos) {
            AVPacket p = stream.nextVideoPacket();
            if (p == null) {
                return failed(ProbeCause.NO_MEDIA, "the stream ended before a keyframe", started);
            }
            packets++;
            keySeen |= (p.flags() & avcodec.AV_PKT_FLAG_KEY) != 0;
            // Keyframe first: what comes before it cannot be decoded into a picture.
            if (!keySeen && packets < UNFLAGGED_PACKETS) {
                skipped++;
                continue;
            }
            if ((p.flags() & avcodec.AV_PKT_FLAG_KEY) != 0) {
                keyBytes = p.size();
            }
            if (stream.decode(p)) {
                first = stream.nextFrame();
            }
        }
        if (first == null) {
            return failed(ProbeCause.NO_MEDIA, "no decodable keyframe within " + deadline.toMillis() + " ms (" + packets + " packets)", started);
        }
        Duration ttff = Duration.ofNanos(System.nanoTime() - started);
        DecodedPicture picture = DecodedPicture.of(first);
        if (picture == null) {
            return failed(ProbeCause.BAD_RESPONSE, "pixel format " + first.format() + " cannot be read", started);
        }
        // Sampled now: the decoder reuses the frame's buffers for the next one.
        FrameSample sample = FrameSample.of(picture);
        byte[] jpeg = SnapshotJpeg.of(first);
        int width = first.width();
        int height = first.height();
        long firstMicros = stream.micros(first.best_effort_timestamp(), 0);
        Window window = frozenWindow.isZero() ? null : watch(stream, firstMicros, keyBytes, width * height, deadlineNanos);
        Motion motion = window == null ? Motion.NOT_WATCHED : window.motion;
        double fps = window != null && window.fps() > 0 ? window.fps() : stream.declaredFps();
        long bitrate = window != null ? window.bitrate() : stream.declaredBitrate();
        String detail = "keyframe after " + packets + " packets (" + skipped + " before it not decoded)"
                + (window == null ? "" : ", then " + window.describe());
        return new Grab(sample, motion, jpeg, null, detail, ttff, stream.codecName(), width, height, Math.round(fps * 100) / 100.0,
                bitrate > 0 ? bitrate : null, window == null ? null : window.gop);
    }

    /** The frozen window as read: its packets' counts, sizes and timing, and what it says about motion. */
    private record Window(Motion motion, long bytes, Integer gop, boolean compared, double fps) {
        long bitrate() {
            return motion.spanMicros() > 0 ? Math.round(bytes * 8e6 / motion.spanMicros()) : 0;
        }

        String describe() {
            return motion.frames() + " over " + motion.spanMicros() / 1000 + " ms, "
                    + String.format(Locale.ROOT, "%.4f bits per pixel a frame, %.1f%% of the keyframe", motion.bitsPerPixel(), motion.keyframeShare() * 100)
                    + (!compared ? ": not decoded" : motion.later() != null ? ": decoded to compare" : ": no frame to compare in time");
        }
    }

    /**
     * Reads the packets of the frozen window without decoding them and sums their slices. When that shows a moving
     * picture, that is the answer; otherwise (a still or intra-only stream, another codec) the held packets are decoded
     * after all and the frame at the window's end is kept to compare. Time is the stream's own, packet to packet: a
     * jump of the clock (an RTSP client re-bases its timestamps when the first RTCP report arrives) is left out, so the
     * window and the frame rate stay true.
     */
    private Window watch(FfmpegStream stream, long firstMicros, long keyBytes, int pixels, long deadlineNanos) {
        long windowMicros = frozenWindow.toNanos() / 1_000;
        boolean sized = stream.h264() || stream.hevc();
        boolean lengthPrefixed = sized && stream.lengthPrefixed();
        List<AVPacket> held = new ArrayList<>();
        try {
            int frames = 0;
            int inter = 0;
            long sliceBits = 0;
            long interBytes = 0;
            long bytes = 0;
            StreamClock clock = new StreamClock(firstMicros);
            Integer gop = null;
            boolean reached = false;
            byte[] buffer = new byte[0];
            while (!reached && System.nanoTime() < deadlineNanos) {
                AVPacket p = nextOrNull(stream);
                if (p == null) {
                    break;
                }
                frames++;
                int size = p.size();
                bytes += size;
                clock.tick(stream.micros(p.dts() != avutil.AV_NOPTS_VALUE ? p.dts() : p.pts(), Long.MIN_VALUE));
                reached = clock.elapsedMicros() >= windowMicros;
                if ((p.flags() & avcodec.AV_PKT_FLAG_KEY) != 0) {
                    gop = gop == null ? frames : gop;
                } else if (sized) {
                    if (buffer.length < size) {
                        buffer = new byte[size];
                    }
                    p.data().get(buffer, 0, size);
                    sliceBits += 8L * CodedPicture.sliceBytes(buffer, size, stream.hevc(), lengthPrefixed);
                    interBytes += size;
                    inter++;
                }
                AVPacket copy = avcodec.av_packet_clone(p);
                if (copy != null && !copy.isNull()) {
                    held.add(copy);
                }
            }
            double bitsPerPixel = inter == 0 ? Double.NaN : sliceBits / (double) inter / pixels;
            double keyShare = inter == 0 || keyBytes == 0 ? Double.NaN : interBytes / (double) inter / keyBytes;
            long span = clock.elapsedMicros();
            Motion moving = new Motion(frames, span, bitsPerPixel, keyShare, null);
            if (!reached || moving.moving(frozenMotionBits, frozenMotionShare)) {
                return new Window(moving, bytes, gop, false, clock.fps());
            }
            // The decoder's timestamps are the stream's: the frame due is the one a window on in stream time.
            FrameSample later = decodeTo(stream, held, clock.streamMicrosAt(windowMicros), deadlineNanos);
            return new Window(new Motion(frames, span, bitsPerPixel, keyShare, later), bytes, gop, true, clock.fps());
        } finally {
            held.forEach(avcodec::av_packet_free);
        }
    }

    /** Decodes the held packets, then more of the stream if need be, up to the first frame at or after {@code dueMicros}. */
    private static FrameSample decodeTo(FfmpegStream stream, List<AVPacket> held, long dueMicros, long deadlineNanos) {
        int i = 0;
        while (System.nanoTime() < deadlineNanos) {
            AVPacket p = i < held.size() ? held.get(i++) : nextOrNull(stream);
            if (p == null) {
                return null;
            }
            if (!stream.decode(p)) {
                continue;
            }
            for (AVFrame f = stream.nextFrame(); f != null; f = stream.nextFrame()) {
                if (stream.micros(f.best_effort_timestamp(), Long.MIN_VALUE) >= dueMicros) {
                    DecodedPicture picture = DecodedPicture.of(f);
                    return picture == null ? null : FrameSample.of(picture);
                }
            }
        }
        return null;
    }

    /** After the first keyframe a stream that breaks off or runs out of time only ends the window: the picture stands. */
    private static AVPacket nextOrNull(FfmpegStream stream) {
        try {
            return stream.nextVideoPacket();
        } catch (FfmpegStream.ReadFailed e) {
            return null;
        }
    }

    private static Grab failed(ProbeCause cause, String detail, long started) {
        return new Grab(null, Motion.NOT_WATCHED, null, cause, detail, Duration.ofNanos(System.nanoTime() - started), null, 0, 0, 0, null, null);
    }

    /** Why an open failed: FFmpeg's error code (HTTP-style codes for RTSP and HTTP answers, errno otherwise), then the clock. */
    private ProbeCause classifyOpen(int code, long started) {
        if (code == HTTP_UNAUTHORIZED || code == HTTP_FORBIDDEN) {
            return ProbeCause.AUTH_FAILED;
        }
        if (code == HTTP_NOT_FOUND) {
            return ProbeCause.NOT_FOUND;
        }
        if (code == 0) {
            return ProbeCause.NO_VIDEO_TRACK;
        }
        if (code == -111 || code == -104) {
            return ProbeCause.REFUSED;
        }
        if (code == -110 || code == avutil.AVERROR_EXIT || Duration.ofNanos(System.nanoTime() - started).compareTo(deadline.dividedBy(3)) >= 0) {
            return ProbeCause.TIMEOUT;
        }
        if (code == -5) {
            return ProbeCause.DNS;
        }
        return ProbeCause.BAD_RESPONSE;
    }

    /** FFmpeg's FFERRTAG(0xF8, '4', '0', 'x'): the HTTP status of an RTSP or HTTP answer. */
    private static final int HTTP_UNAUTHORIZED = -(0xF8 | '4' << 8 | '0' << 16 | '1' << 24);
    private static final int HTTP_FORBIDDEN = -(0xF8 | '4' << 8 | '0' << 16 | '3' << 24);
    private static final int HTTP_NOT_FOUND = -(0xF8 | '4' << 8 | '0' << 16 | '4' << 24);

    /** A message without any URL (it would carry the credentials). */
    private static String quiet(String message) {
        return String.valueOf(message).replaceAll("[a-z]+://\\S+", "<url>");
    }

    static String withCredentials(String url, String user, String password) {
        if (user == null) {
            return url;
        }
        URI u = URI.create(url);
        String info = enc(user) + ":" + enc(password == null ? "" : password);
        return u.getScheme() + "://" + info + "@" + u.getRawAuthority().replaceFirst("^.*@", "") + (u.getRawPath() == null ? "" : u.getRawPath())
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
