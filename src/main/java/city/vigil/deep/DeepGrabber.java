package city.vigil.deep;

import city.vigil.probe.ProbeCause;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Opens a stream with FFmpeg (JavaCV), decodes the first keyframe and measures the stream: the deep tier's grab.
 * Blocking, for a bounded pool of its own (never an event loop). Hard limits everywhere (TOOLCHAIN.md): FFmpeg's
 * {@code timeout} on every socket read, a small probe size, RTSP over TCP, the unlocked start and release (one hung
 * camera must not block every other grab), and a deadline checked between reads. Native memory is released in
 * every path.
 */
public final class DeepGrabber {
    private static final int SNAPSHOT_WIDTH = 320;

    static {
        // Joining a live stream mid-GOP makes the decoder complain until the keyframe: expected, not news.
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        // ImageIO would otherwise buffer every snapshot through a temporary file.
        ImageIO.setUseCache(false);
    }

    /**
     * What one grab found: the first keyframe (sampled) and a later one at least the frozen window on (null when the
     * stream gave none in time), a snapshot, or why there is no frame; and what the stream is.
     */
    public record Grab(FrameSample sample, FrameSample later, byte[] snapshotJpeg, ProbeCause cause, String detail, Duration timeToFirstFrame,
                       String codec, int width, int height, double fps, Long bitrate, Integer gop) {
        public boolean decoded() {
            return sample != null;
        }
    }

    private final Duration deadline;
    private final Duration frozenWindow;

    /** {@code frozenWindow}: how far apart the two frames compared for "frozen" are (zero: one frame only). */
    public DeepGrabber(Duration deadline, Duration frozenWindow) {
        this.deadline = deadline;
        this.frozenWindow = frozenWindow;
    }

    /**
     * Grabs from {@code url}; {@code user}/{@code password} (may be null) go into the URL FFmpeg opens and nowhere
     * else.
     */
    public Grab grab(String url, String user, String password) {
        long started = System.nanoTime();
        Grab inPlace = grab(url, user, password, true, started);
        // A pixel format read in place cannot be (see DecodedPicture): once more, converted to BGR by JavaCV, within
        // the same deadline. Switching a started grabber's mode instead would have it free the decoder's own buffer.
        return inPlace != null ? inPlace : grab(url, user, password, false, started);
    }

    /**
     * One grab within the deadline counted from {@code started}; with {@code inPlace}, null if the decoder's pixel
     * format cannot be read in place.
     */
    private Grab grab(String url, String user, String password, boolean inPlace, long started) {
        long deadlineNanos = started + deadline.toNanos();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(withCredentials(url, user, password));
        boolean rtsp = url.toLowerCase(Locale.ROOT).startsWith("rtsp");
        // FFmpeg retries an open once, so each wait gets a third of the budget.
        long timeoutMicros = Math.max(200_000, deadline.toNanos() / 3_000);
        grabber.setOption("timeout", Long.toString(timeoutMicros));
        if (!rtsp) {
            grabber.setOption("rw_timeout", Long.toString(timeoutMicros));
        } else {
            grabber.setOption("rtsp_transport", "tcp");
        }
        grabber.setOption("analyzeduration", "100000");
        grabber.setOption("probesize", rtsp ? "32768" : "262144");
        // No "fflags nobuffer": it drops the packets read while probing, the keyframe a GOP-caching server sends first
        // among them, and every grab then waits a whole GOP for the next one.
        grabber.setAudioStream(-1);
        // One decoder thread: many grabs run side by side, and FFmpeg's default of a thread per core each would swamp
        // the liveness tier on a small machine.
        grabber.setVideoOption("threads", "1");
        // The decoder's own planes, read in place (see DecodedPicture): no per-grab scaler, no full-frame conversion.
        grabber.setImageMode(inPlace ? FrameGrabber.ImageMode.RAW : FrameGrabber.ImageMode.COLOR);
        try {
            // RTSP: the SDP's sprop-parameter-sets already say what the stream is, so the stream-info pass (which
            // decodes frames only to learn it) is skipped; the first decoded frame tells the rest.
            grabber.startUnsafe(!rtsp);
        } catch (FrameGrabber.Exception e) {
            release(grabber);
            return failed(classifyOpen(e, started), "open failed: " + quiet(e), started);
        }
        try {
            Frame key = null;
            DecodedPicture picture = null;
            int frames = 0;
            while (System.nanoTime() < deadlineNanos) {
                Frame f = grabber.grabImage();
                if (f == null) {
                    break;
                }
                frames++;
                // FFmpeg's H.264 decoder outputs nothing before the first keyframe it can decode from, so the first
                // picture is it; the packet flag is not (with decoder delay it belongs to a later packet).
                if (f.image != null) {
                    picture = picture(f, inPlace);
                    if (picture == null) {
                        return null;
                    }
                    key = f;
                    break;
                }
            }
            if (key == null) {
                String why = System.nanoTime() >= deadlineNanos ? "no keyframe within " + deadline.toMillis() + " ms"
                        : "the stream ended before a keyframe";
                return failed(ProbeCause.NO_MEDIA, why, started);
            }
            Duration ttff = Duration.ofNanos(System.nanoTime() - started);
            // Sampled now: the grabber reuses the frame's buffer for the next one.
            FrameSample sample = FrameSample.of(picture);
            byte[] jpeg = snapshot(picture);
            int width = key.imageWidth;
            int height = key.imageHeight;
            long firstTimestamp = key.timestamp;
            // A later frame, at least the frozen window on (a keyframe may be seconds away; a 640×360 P-frame decodes in
            // well under a millisecond).
            FrameSample later = null;
            Integer gop = null;
            long frozenMicros = frozenWindow.toNanos() / 1_000;
            int decoded = 0;
            long previous = firstTimestamp;
            long step = 0;
            // The frames in between are decoded (P-frames need them) but processed only when the next one is due to
            // reach the window: with the BGR fallback, converting ~25 unused frames would be most of a check's CPU.
            boolean convert = false;
            while (frozenMicros > 0 && System.nanoTime() < deadlineNanos) {
                Frame f = grabber.grabFrame(false, true, convert, false, false);
                if (f == null) {
                    break;
                }
                if (f.image == null) {
                    continue;
                }
                decoded++;
                if (gop == null && f.keyFrame) {
                    gop = decoded;
                }
                long since = f.timestamp - firstTimestamp;
                if (since >= frozenMicros && convert) {
                    DecodedPicture frozenCheck = picture(f, inPlace);
                    later = frozenCheck == null ? null : FrameSample.of(frozenCheck);
                    break;
                }
                step = f.timestamp > previous ? f.timestamp - previous : step;
                previous = f.timestamp;
                convert = since + step >= frozenMicros;
            }
            double fps = grabber.getFrameRate();
            long bitrate = grabber.getVideoBitrate();
            return new Grab(sample, later, jpeg, null, "keyframe after " + frames + " frames, then " + decoded + " more", ttff,
                    grabber.getVideoCodecName(), width, height, Double.isFinite(fps) ? Math.round(fps * 100) / 100.0 : 0,
                    bitrate > 0 ? bitrate : null, gop);
        } catch (FrameGrabber.Exception e) {
            return failed(System.nanoTime() >= deadlineNanos ? ProbeCause.TIMEOUT : ProbeCause.NO_MEDIA, "decode failed: " + quiet(e), started);
        } finally {
            release(grabber);
        }
    }

    private static DecodedPicture picture(Frame frame, boolean inPlace) {
        return inPlace ? DecodedPicture.planar(frame) : DecodedPicture.bgr(frame);
    }

    private static Grab failed(ProbeCause cause, String detail, long started) {
        return new Grab(null, null, null, cause, detail, Duration.ofNanos(System.nanoTime() - started), null, 0, 0, 0, null, null);
    }

    /** Why an open failed: FFmpeg's error code (HTTP-style codes for RTSP and HTTP answers, errno otherwise), then the clock. */
    private ProbeCause classifyOpen(FrameGrabber.Exception e, long started) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("error (-?\\d+)").matcher(String.valueOf(e.getMessage()));
        int code = m.find() ? Integer.parseInt(m.group(1)) : 0;
        if (code == HTTP_UNAUTHORIZED || code == HTTP_FORBIDDEN) {
            return ProbeCause.AUTH_FAILED;
        }
        if (code == HTTP_NOT_FOUND) {
            return ProbeCause.NOT_FOUND;
        }
        if (code == -111 || code == -104) {
            return ProbeCause.REFUSED;
        }
        if (code == -110 || Duration.ofNanos(System.nanoTime() - started).compareTo(deadline.dividedBy(3)) >= 0) {
            return ProbeCause.TIMEOUT;
        }
        if (code == -5 || String.valueOf(e.getMessage()).contains("resolve")) {
            return ProbeCause.DNS;
        }
        return ProbeCause.BAD_RESPONSE;
    }

    /** FFmpeg's FFERRTAG(0xF8, '4', '0', 'x'): the HTTP status of an RTSP or HTTP answer. */
    private static final int HTTP_UNAUTHORIZED = -(0xF8 | '4' << 8 | '0' << 16 | '1' << 24);
    private static final int HTTP_FORBIDDEN = -(0xF8 | '4' << 8 | '0' << 16 | '3' << 24);
    private static final int HTTP_NOT_FOUND = -(0xF8 | '4' << 8 | '0' << 16 | '4' << 24);

    /** A 320-pixel-wide JPEG of the picture, each pixel the mean of a 2×2 block. */
    private static byte[] snapshot(DecodedPicture picture) {
        try {
            int w = picture.width();
            int h = picture.height();
            int sh = Math.max(1, h * SNAPSHOT_WIDTH / w);
            BufferedImage small = new BufferedImage(SNAPSHOT_WIDTH, sh, BufferedImage.TYPE_3BYTE_BGR);
            byte[] out = ((DataBufferByte) small.getRaster().getDataBuffer()).getData();
            for (int y = 0; y < sh; y++) {
                int sourceRow = y * h / sh;
                for (int x = 0; x < SNAPSHOT_WIDTH; x++) {
                    int p = picture.rgb2x2(x * w / SNAPSHOT_WIDTH, sourceRow);
                    int i = (y * SNAPSHOT_WIDTH + x) * 3;
                    out[i] = (byte) p;
                    out[i + 1] = (byte) (p >> 8);
                    out[i + 2] = (byte) (p >> 16);
                }
            }
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream(16_384);
            ImageIO.write(small, "jpg", jpeg);
            return jpeg.toByteArray();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void release(FFmpegFrameGrabber grabber) {
        try {
            grabber.releaseUnsafe();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            // Releasing is best effort; there is nothing left to do with a grabber that cannot close.
        }
    }

    /** FFmpeg's message without the URL (it would carry the credentials). */
    private static String quiet(Exception e) {
        String m = String.valueOf(e.getMessage());
        return m.replaceAll("[a-z]+://\\S+", "<url>");
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
