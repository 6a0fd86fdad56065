package city.vigil.deep;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;

/**
 * The camera's picture as a 320-pixel-wide JPEG, made by FFmpeg from the decoded frame: its scaler shrinks and
 * converts any pixel format to full-range Y′CbCr in one pass, its MJPEG encoder writes the file. Each deep thread keeps
 * its scaler, frame and encoder (a camera's size rarely changes); the Java image path this replaced cost a fifth of a
 * check.
 */
final class SnapshotJpeg {
    static final int WIDTH = 320;
    /** MJPEG quantiser scale: 4 looks like a JPEG at quality ~80 (the simulator's street: 6 KB at 320×180). */
    private static final int QSCALE = 4;
    private static final ThreadLocal<Encoder> ENCODER = ThreadLocal.withInitial(Encoder::new);

    private SnapshotJpeg() {
    }

    /** The JPEG of {@code picture} (a decoder's frame, any pixel format), or null when it cannot be made. */
    static byte[] of(AVFrame picture) {
        return ENCODER.get().encode(picture);
    }

    private static final class Encoder {
        private final AVPacket packet = avcodec.av_packet_alloc();
        private SwsContext scaler;
        private AVFrame small;
        private AVCodecContext jpeg;

        byte[] encode(AVFrame picture) {
            int w = picture.width();
            int h = picture.height();
            if (w <= 0 || h <= 0) {
                return null;
            }
            int height = Math.max(2, h * WIDTH / w) & ~1;
            if (!ready(height)) {
                return null;
            }
            scaler = swscale.sws_getCachedContext(scaler, w, h, picture.format(), WIDTH, height, avutil.AV_PIX_FMT_YUVJ420P, swscale.SWS_AREA,
                    null, null, (DoublePointer) null);
            if (scaler == null || scaler.isNull()) {
                return null;
            }
            // The scaler reads range from the pixel format alone; an H.264 camera may flag full range on a plain format.
            boolean fullRange = picture.color_range() == avutil.AVCOL_RANGE_JPEG || DecodedPicture.FULL_RANGE_FORMATS.contains(picture.format());
            swscale.sws_setColorspaceDetails(scaler, swscale.sws_getCoefficients(swscale.SWS_CS_DEFAULT), fullRange ? 1 : 0,
                    swscale.sws_getCoefficients(swscale.SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
            if (avutil.av_frame_make_writable(small) < 0
                    || swscale.sws_scale(scaler, picture.data(), picture.linesize(), 0, h, small.data(), small.linesize()) <= 0) {
                return null;
            }
            small.quality(jpeg.global_quality());
            if (avcodec_send_frame(jpeg, small) < 0) {
                return null;
            }
            try {
                if (avcodec_receive_packet(jpeg, packet) < 0) {
                    return null;
                }
                byte[] out = new byte[packet.size()];
                packet.data().get(out);
                return out;
            } finally {
                avcodec.av_packet_unref(packet);
            }
        }

        /** A frame and an encoder for a snapshot of this height (re-made only when a camera's aspect differs). */
        private boolean ready(int height) {
            if (small != null && small.height() == height) {
                return true;
            }
            release();
            AVCodec codec = avcodec_find_encoder(avcodec.AV_CODEC_ID_MJPEG);
            if (codec == null || codec.isNull()) {
                return false;
            }
            small = avutil.av_frame_alloc();
            small.format(avutil.AV_PIX_FMT_YUVJ420P);
            small.width(WIDTH);
            small.height(height);
            jpeg = avcodec_alloc_context3(codec);
            jpeg.width(WIDTH);
            jpeg.height(height);
            jpeg.pix_fmt(avutil.AV_PIX_FMT_YUVJ420P);
            jpeg.time_base(avutil.av_make_q(1, 25));
            jpeg.flags(jpeg.flags() | avcodec.AV_CODEC_FLAG_QSCALE);
            jpeg.global_quality(avutil.FF_QP2LAMBDA * QSCALE);
            jpeg.thread_count(1);
            if (avutil.av_frame_get_buffer(small, 0) < 0 || avcodec_open2(jpeg, codec, (AVDictionary) null) < 0) {
                release();
                return false;
            }
            return true;
        }

        private void release() {
            if (jpeg != null) {
                avcodec_free_context(jpeg);
                jpeg = null;
            }
            if (small != null) {
                avutil.av_frame_free(small);
                small = null;
            }
        }
    }
}
