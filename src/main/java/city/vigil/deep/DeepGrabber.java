package city.vigil.deep;

import city.vigil.probe.ProbeCause;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

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
        grabber.setOption("fflags", "nobuffer");
        grabber.setAudioStream(-1);
        // One decoder thread: many grabs run side by side, and FFmpeg's default of a thread per core each would swamp
        // the liveness tier on a small machine.
        grabber.setVideoOption("threads", "1");
        try {
            grabber.startUnsafe();
        } catch (FrameGrabber.Exception e) {
            release(grabber);
            return failed(classifyOpen(e, started), "open failed: " + quiet(e), started);
        }
        try {
            Frame key = null;
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
            FrameSample sample = FrameSample.ofBgr((ByteBuffer) key.image[0], key.imageWidth, key.imageHeight, key.imageStride);
            byte[] jpeg = snapshot(key);
            int width = key.imageWidth;
            int height = key.imageHeight;
            long firstTimestamp = key.timestamp;
            // A later frame, at least the frozen window on (a keyframe may be seconds away; a 640×360 P-frame decodes in
            // well under a millisecond).
            FrameSample later = null;
            Integer gop = null;
            long frozenMicros = frozenWindow.toNanos() / 1_000;
            int decoded = 0;
            while (frozenMicros > 0 && System.nanoTime() < deadlineNanos) {
                Frame f = grabber.grabImage();
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
                if (f.timestamp - firstTimestamp >= frozenMicros) {
                    later = FrameSample.ofBgr((ByteBuffer) f.image[0], f.imageWidth, f.imageHeight, f.imageStride);
                    break;
                }
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

    private static byte[] snapshot(Frame key) {
        try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
            BufferedImage full = converter.getBufferedImage(key);
            int h = Math.max(1, full.getHeight() * SNAPSHOT_WIDTH / full.getWidth());
            BufferedImage small = new BufferedImage(SNAPSHOT_WIDTH, h, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(full, 0, 0, SNAPSHOT_WIDTH, h, null);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
            ImageIO.write(small, "jpg", out);
            return out.toByteArray();
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
