package city.vigil.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.jboss.logging.Logger;

/**
 * Encodes each (picture, resolution) clip once with FFmpeg, caches it on disk, and holds it in memory for every
 * camera that shows it: memory depends on the number of distinct clips, not on the number of cameras.
 */
public final class ClipLibrary {
    private static final Logger LOG = Logger.getLogger(ClipLibrary.class);
    /** Four seconds: two GOPs, so joining a stream mid-GOP waits for a keyframe like a real camera. */
    static final int FRAMES = 100;
    private static final int FORMAT_VERSION = 2;

    private final Path cacheDir;
    private final Map<String, Clip> clips = new ConcurrentHashMap<>();

    public ClipLibrary(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    public Clip clip(Picture picture, Resolution resolution) {
        return clips.computeIfAbsent(picture + "-" + resolution, key -> load(picture, resolution));
    }

    private Clip load(Picture picture, Resolution resolution) {
        Path file = cacheDir.resolve("v" + FORMAT_VERSION + "-" + picture.name().toLowerCase() + "-" + resolution.width + "x"
                + resolution.height + ".h264");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(cacheDir);
                long started = System.nanoTime();
                Path partial = Files.createTempFile(cacheDir, "encoding-", ".h264");
                encode(picture, resolution, partial);
                Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                LOG.infof("Encoded clip %s %dx%d in %d ms", picture, resolution.width, resolution.height,
                        (System.nanoTime() - started) / 1_000_000);
            }
            return Clip.fromAnnexB(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare clip " + file, e);
        }
    }

    private static void encode(Picture picture, Resolution resolution, Path target) throws IOException {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), resolution.width, resolution.height);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("h264");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setFrameRate(Clip.FPS);
            recorder.setGopSize(Clip.GOP);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setVideoBitrate(resolution.bitrate);
            // Live cameras send no B-frames: decode order is presentation order.
            recorder.setMaxBFrames(0);
            recorder.setVideoOption("tune", "zerolatency");
            recorder.start();
            for (int i = 0; i < FRAMES; i++) {
                recorder.record(converter.convert(picture.render(i, resolution.width, resolution.height)));
            }
            recorder.stop();
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("FFmpeg could not encode the " + picture + " clip", e);
        }
    }
}
