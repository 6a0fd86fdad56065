package city.vigil.sim;

import java.awt.image.BufferedImage;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/** What an RTSP client (FFmpeg through JavaCV) sees of a stream: frames decoded as images. */
final class StreamClient implements AutoCloseable {
    static {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }

    private final FFmpegFrameGrabber grabber;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();

    /** Opens the stream over RTSP/TCP with a hard timeout, as Vigil's deep probe will. */
    StreamClient(String url, int timeoutMillis) throws FFmpegFrameGrabber.Exception {
        grabber = new FFmpegFrameGrabber(url);
        grabber.setOption("rtsp_transport", "tcp");
        grabber.setOption("timeout", String.valueOf(timeoutMillis * 1000L));
        grabber.setOption("analyzeduration", "100000");
        grabber.setOption("probesize", "32768");
        grabber.startUnsafe();
    }

    int width() {
        return grabber.getImageWidth();
    }

    int height() {
        return grabber.getImageHeight();
    }

    /** The next decoded picture, or null when the stream ends or times out. */
    BufferedImage nextImage() {
        try {
            Frame frame = grabber.grabImage();
            return frame == null ? null : deepCopy(converter.convert(frame));
        } catch (FFmpegFrameGrabber.Exception e) {
            return null;
        }
    }

    /** Skips {@code n} pictures and returns the one after. */
    BufferedImage imageAfter(int n) {
        for (int i = 0; i < n; i++) {
            if (nextImage() == null) {
                return null;
            }
        }
        return nextImage();
    }

    private static BufferedImage deepCopy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        copy.getGraphics().drawImage(image, 0, 0, null);
        return copy;
    }

    @Override
    public void close() throws Exception {
        grabber.stop();
        grabber.releaseUnsafe();
    }
}
