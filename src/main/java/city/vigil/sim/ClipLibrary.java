package city.vigil.sim;

import city.vigil.platform.Daemons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.jboss.logging.Logger;

/**
 * Encodes each (picture, resolution) clip once with FFmpeg, caches it on disk, and holds it in memory for every
 * camera that shows it: memory depends on the number of distinct clips, not on the number of cameras. Encoding runs
 * on a thread of its own: a 1080p clip takes seconds, and a server loop waiting for it would stall every stream it
 * serves (the prober would see healthy cameras time out).
 */
public final class ClipLibrary {
    private static final Logger LOG = Logger.getLogger(ClipLibrary.class);
    /** Four seconds: two GOPs, so joining a stream mid-GOP waits for a keyframe like a real camera. */
    static final int FRAMES = 100;
    private static final int FORMAT_VERSION = 2;

    private final Path cacheDir;
    private final Map<String, CompletableFuture<Clip>> clips = new ConcurrentHashMap<>();
    private final ExecutorService encoder = Daemons.scheduler("sim-clip-encoder");

    public ClipLibrary(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** The clip, encoded first if need be. Blocks: never call it on a server loop. */
    public Clip clip(Picture picture, Resolution resolution) {
        return whenReady(picture, resolution).join();
    }

    /** The clip if it is ready, else null (and it is being encoded). */
    public Clip ifReady(Picture picture, Resolution resolution) {
        CompletableFuture<Clip> clip = whenReady(picture, resolution);
        return clip.isDone() && !clip.isCompletedExceptionally() ? clip.join() : null;
    }

    /** The clip once it is encoded. A clip that could not be encoded is tried again on the next request. */
    private CompletableFuture<Clip> whenReady(Picture picture, Resolution resolution) {
        String key = picture + "-" + resolution;
        CompletableFuture<Clip> clip = clips.computeIfAbsent(key,
                k -> CompletableFuture.supplyAsync(() -> load(picture, resolution), encoder));
        if (clip.isCompletedExceptionally()) {
            clips.remove(key, clip);
        }
        return clip;
    }

    /**
     * Runs {@code then} with the clip: at once if it is ready, else on {@code loop} once it is encoded (like a slow
     * camera, without holding up the loop's other streams); {@code failed} if it could not be encoded.
     */
    public void withClip(Picture picture, Resolution resolution, Executor loop, Consumer<Clip> then, Runnable failed) {
        Clip ready = ifReady(picture, resolution);
        if (ready != null) {
            then.accept(ready);
            return;
        }
        whenReady(picture, resolution).whenComplete((clip, failure) -> loop.execute(() -> {
            if (failure == null) {
                then.accept(clip);
            } else {
                failed.run();
            }
        }));
    }

    /** Stops the encoder thread; clips already in memory stay usable. */
    public void close() {
        encoder.shutdownNow();
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
