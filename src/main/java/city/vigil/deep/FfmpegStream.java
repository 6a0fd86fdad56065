package city.vigil.deep;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.Pointer;

/**
 * One opened stream and its video decoder, on FFmpeg's own API (the natives JavaCV ships). JavaCV's frame grabber
 * allocates its format context inside {@code start}, so it cannot be given an interrupt callback, and its read loop
 * does not look at a deadline: a stream of undecodable packets would hold a grab for ever. Here FFmpeg asks
 * {@link #INTERRUPT} during every blocking wait and gives up once the grab's deadline has passed, whatever it is
 * waiting for. Blocking: for the deep tier's pool only. Not thread-safe; one grab, one thread.
 */
final class FfmpegStream implements AutoCloseable {
    /** AVERROR(EAGAIN): the decoder wants more input before it has a frame. */
    private static final int AGAIN = -11;

    /** The deadline of the grab running on this thread (System.nanoTime), or 0 when none runs. */
    private static final ThreadLocal<long[]> DEADLINE = ThreadLocal.withInitial(() -> new long[1]);
    private static final Interrupt INTERRUPT = new Interrupt();

    /** Called by FFmpeg on the grabbing thread while it waits: non-zero aborts the wait with AVERROR_EXIT. */
    private static final class Interrupt extends AVIOInterruptCB.Callback_Pointer {
        Interrupt() {
            retainReference();
        }

        @Override
        public int call(Pointer opaque) {
            long deadline = DEADLINE.get()[0];
            return deadline != 0 && System.nanoTime() - deadline >= 0 ? 1 : 0;
        }
    }

    /** Why a stream could not be opened: FFmpeg's error code and where it stopped. */
    static final class OpenFailed extends Exception {
        final int code;

        OpenFailed(int code, String step) {
            super(step + " failed: " + describe(code));
            this.code = code;
        }
    }

    private AVFormatContext format;
    private AVCodecContext decoder;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame frame = av_frame_alloc();
    private final int videoIndex;
    private final AVStream video;
    private final AVRational timeBase;
    private final int codecId;

    private FfmpegStream(AVFormatContext format, int videoIndex) {
        this.format = format;
        this.videoIndex = videoIndex;
        this.video = format.streams(videoIndex);
        this.timeBase = video.time_base();
        this.codecId = video.codecpar().codec_id();
    }

    /**
     * Opens {@code url} with these FFmpeg options and sets up the decoder of its first video stream; {@code streamInfo}
     * runs FFmpeg's stream-info pass (needed where the container does not say what the stream is). Everything FFmpeg
     * does until {@link #close} is bounded by {@code deadlineNanos}.
     */
    static FfmpegStream open(String url, Map<String, String> options, boolean streamInfo, long deadlineNanos) throws OpenFailed {
        DEADLINE.get()[0] = deadlineNanos;
        AVFormatContext format = avformat_alloc_context();
        format.interrupt_callback().callback(INTERRUPT);
        AVDictionary dictionary = new AVDictionary(null);
        options.forEach((k, v) -> av_dict_set(dictionary, k, v, 0));
        int err = avformat_open_input(format, url, null, dictionary);
        av_dict_free(dictionary);
        if (err < 0) {
            // FFmpeg freed the context it was given.
            DEADLINE.get()[0] = 0;
            throw new OpenFailed(err, "open");
        }
        FfmpegStream stream = null;
        try {
            if (streamInfo && (err = avformat_find_stream_info(format, (AVDictionary) null)) < 0) {
                throw new OpenFailed(err, "reading the stream info");
            }
            int index = -1;
            for (int i = 0; i < format.nb_streams(); i++) {
                AVStream s = format.streams(i);
                if (index < 0 && s.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                    index = i;
                } else {
                    // Audio and data are not read at all.
                    s.discard(avcodec.AVDISCARD_ALL);
                }
            }
            if (index < 0) {
                throw new OpenFailed(0, "finding a video track");
            }
            stream = new FfmpegStream(format, index);
            stream.openDecoder();
            return stream;
        } catch (OpenFailed e) {
            if (stream != null) {
                stream.close();
            } else {
                avformat_close_input(format);
                DEADLINE.get()[0] = 0;
            }
            throw e;
        }
    }

    private void openDecoder() throws OpenFailed {
        AVCodecParameters parameters = video.codecpar();
        AVCodec codec = avcodec_find_decoder(parameters.codec_id());
        if (codec == null || codec.isNull()) {
            throw new OpenFailed(avutil.AVERROR_DECODER_NOT_FOUND, "finding a decoder for " + codecName());
        }
        decoder = avcodec_alloc_context3(codec);
        int err = avcodec_parameters_to_context(decoder, parameters);
        // One decoder thread: many grabs run side by side, and FFmpeg's default of a thread per core each would swamp
        // the liveness tier on a small machine.
        decoder.thread_count(1);
        decoder.pkt_timebase(timeBase);
        if (err < 0 || (err = avcodec_open2(decoder, codec, (AVDictionary) null)) < 0) {
            throw new OpenFailed(err, "opening the decoder");
        }
    }

    /** The next packet of the video stream (valid until the next call), or null at the end; throws on a read error. */
    AVPacket nextVideoPacket() throws ReadFailed {
        while (true) {
            avcodec.av_packet_unref(packet);
            int err = av_read_frame(format, packet);
            if (err == avutil.AVERROR_EOF) {
                return null;
            }
            if (err < 0) {
                throw new ReadFailed(err);
            }
            if (packet.stream_index() == videoIndex) {
                return packet;
            }
        }
    }

    /** A read that failed: FFmpeg's code (AVERROR_EXIT when the deadline interrupted it). */
    static final class ReadFailed extends Exception {
        final int code;

        ReadFailed(int code) {
            super(describe(code));
            this.code = code;
        }
    }

    /** Sends a packet to the decoder; false when the decoder refused it (corrupt data). */
    boolean decode(AVPacket p) {
        int err = avcodec_send_packet(decoder, p);
        return err >= 0 || err == AGAIN;
    }

    /** The next decoded frame (valid until the next call), or null when the decoder needs more packets. */
    AVFrame nextFrame() {
        avutil.av_frame_unref(frame);
        return avcodec_receive_frame(decoder, frame) == 0 ? frame : null;
    }

    /** A packet or frame timestamp in microseconds of the stream's time base (pts, else dts); {@code fallback} if neither. */
    long micros(long timestamp, long fallback) {
        return timestamp == avutil.AV_NOPTS_VALUE ? fallback : 1_000_000L * timestamp * timeBase.num() / timeBase.den();
    }

    String codecName() {
        return avcodec.avcodec_get_name(codecId).getString();
    }

    boolean h264() {
        return codecId == avcodec.AV_CODEC_ID_H264;
    }

    boolean hevc() {
        return codecId == avcodec.AV_CODEC_ID_HEVC;
    }

    /** Whether the stream's H.264/H.265 packets carry NAL lengths instead of start codes (FLV, MP4). */
    boolean lengthPrefixed() {
        AVCodecParameters parameters = video.codecpar();
        int size = parameters.extradata_size();
        return CodedPicture.lengthPrefixed(size > 0 ? parameters.extradata().get(0) : 0, size);
    }

    /** The bitrate the container declares, 0 when it declares none. */
    long declaredBitrate() {
        return video.codecpar().bit_rate();
    }

    /** The stream's declared frame rate, 0 when it declares none (RTSP without a stream-info pass). */
    double declaredFps() {
        AVRational r = video.avg_frame_rate().num() > 0 ? video.avg_frame_rate() : video.r_frame_rate();
        return r.num() > 0 && r.den() > 0 ? (double) r.num() / r.den() : 0;
    }

    @Override
    public void close() {
        if (decoder != null) {
            avcodec_free_context(decoder);
            decoder = null;
        }
        avcodec.av_packet_unref(packet);
        av_packet_free(packet);
        av_frame_free(frame);
        if (format != null) {
            avformat_close_input(format);
            format = null;
        }
        DEADLINE.get()[0] = 0;
    }

    static String describe(int code) {
        if (code == 0) {
            return "none";
        }
        byte[] text = new byte[128];
        avutil.av_strerror(code, text, text.length);
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8) + " (" + code + ")";
    }
}
