package city.vigil.deep;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;

/**
 * A decoded picture read in place, as the decoder left it: the deep tier samples a 160×90 grid from it, so converting
 * every pixel of the frame to BGR first (and setting up a scaler for it on every grab) was wasted work. Decoders of
 * camera streams give planar Y′CbCr (4:2:0 for H.264/H.265, 4:2:2 for some MJPEG, 10-bit for H.265 Main10), read by
 * {@link #planar}; anything else is converted to BGR by FFmpeg's scaler and read by {@link #converted}.
 */
interface DecodedPicture {
    int width();

    int height();

    /** RGB of one pixel, packed as 0xRRGGBB. */
    int rgb(int x, int y);

    /** The deprecated "J" formats MJPEG decoders still give: full range whatever the frame's colour range says. */
    java.util.Set<Integer> FULL_RANGE_FORMATS = java.util.Set.of(avutil.AV_PIX_FMT_YUVJ420P, avutil.AV_PIX_FMT_YUVJ422P,
            avutil.AV_PIX_FMT_YUVJ444P, avutil.AV_PIX_FMT_YUVJ440P, avutil.AV_PIX_FMT_YUVJ411P);

    /** The decoder's frame read in place, or converted when its pixel format cannot be: valid while the frame is. */
    static DecodedPicture of(AVFrame picture) {
        DecodedPicture inPlace = planar(picture);
        return inPlace != null ? inPlace : converted(picture);
    }

    /** The frame as the decoder left it, when it is planar Y′CbCr or grey (8 to 16 bits); else null. */
    static DecodedPicture planar(AVFrame picture) {
        AVPixFmtDescriptor d = avutil.av_pix_fmt_desc_get(picture.format());
        long unreadable = avutil.AV_PIX_FMT_FLAG_RGB | avutil.AV_PIX_FMT_FLAG_PAL | avutil.AV_PIX_FMT_FLAG_HWACCEL | avutil.AV_PIX_FMT_FLAG_BE
                | avutil.AV_PIX_FMT_FLAG_FLOAT | avutil.AV_PIX_FMT_FLAG_BAYER;
        if (d == null || (d.flags() & unreadable) != 0) {
            return null;
        }
        int components = Math.min(3, d.nb_components());
        int depth = d.comp(0).depth();
        if (components == 2 || depth < 8 || depth > 16) {
            return null;
        }
        for (int c = 0; c < components; c++) {
            // One component a plane, nothing packed beside it (rules out NV12 and packed 4:2:2).
            if (d.comp(c).plane() != c || d.comp(c).offset() != 0 || d.comp(c).shift() != 0 || d.comp(c).depth() != depth) {
                return null;
            }
        }
        int w = picture.width();
        int h = picture.height();
        int chromaRows = -((-h) >> d.log2_chroma_h());
        boolean fullRange = picture.color_range() == avutil.AVCOL_RANGE_JPEG || FULL_RANGE_FORMATS.contains(picture.format());
        return new Planar(w, h, depth, plane(picture, 0, h), picture.linesize(0), components == 3 ? plane(picture, 1, chromaRows) : null,
                components == 3 ? plane(picture, 2, chromaRows) : null, components == 3 ? picture.linesize(1) : 0, d.log2_chroma_w(),
                d.log2_chroma_h(), fullRange);
    }

    private static ByteBuffer plane(AVFrame picture, int index, int rows) {
        return picture.data(index).capacity((long) picture.linesize(index) * rows).asBuffer();
    }

    /**
     * Any other pixel format (RGB, NV12, palette …) converted to packed BGR24 by FFmpeg's scaler, copied to the heap so
     * nothing native outlives the call; null when the scaler cannot convert it.
     */
    static DecodedPicture converted(AVFrame picture) {
        int w = picture.width();
        int h = picture.height();
        SwsContext scaler = swscale.sws_getContext(w, h, picture.format(), w, h, avutil.AV_PIX_FMT_BGR24, swscale.SWS_POINT, null, null,
                (org.bytedeco.javacpp.DoublePointer) null);
        if (scaler == null || scaler.isNull()) {
            return null;
        }
        AVFrame bgr = avutil.av_frame_alloc();
        try {
            bgr.format(avutil.AV_PIX_FMT_BGR24);
            bgr.width(w);
            bgr.height(h);
            if (avutil.av_frame_get_buffer(bgr, 0) < 0 || swscale.sws_scale_frame(scaler, bgr, picture) < 0) {
                return null;
            }
            int stride = bgr.linesize(0);
            byte[] pixels = new byte[stride * h];
            bgr.data(0).capacity(pixels.length).get(pixels);
            return new Bgr(w, h, ByteBuffer.wrap(pixels), stride);
        } finally {
            avutil.av_frame_free(bgr);
            swscale.sws_freeContext(scaler);
        }
    }

    record Bgr(int width, int height, ByteBuffer bgr, int stride) implements DecodedPicture {
        @Override
        public int rgb(int x, int y) {
            int i = y * stride + x * 3;
            return (bgr.get(i + 2) & 0xFF) << 16 | (bgr.get(i + 1) & 0xFF) << 8 | bgr.get(i) & 0xFF;
        }

    }

    /**
     * Planar Y′CbCr (or grey: no chroma planes), BT.601 (what SD and most surveillance HD streams signal), limited range
     * unless the stream says full range. Samples of more than 8 bits are little-endian 16-bit words.
     */
    record Planar(int width, int height, int depth, ByteBuffer y, int yStride, ByteBuffer u, ByteBuffer v, int uvStride,
                  int chromaShiftX, int chromaShiftY, boolean fullRange) implements DecodedPicture {
        @Override
        public int rgb(int x, int row) {
            return toRgb(luma(x, row), cb(x, row), cr(x, row));
        }

        private int luma(int x, int row) {
            return sample(y, row * yStride, x);
        }

        private int cb(int x, int row) {
            return u == null ? 128 : sample(u, (row >> chromaShiftY) * uvStride, x >> chromaShiftX);
        }

        private int cr(int x, int row) {
            return v == null ? 128 : sample(v, (row >> chromaShiftY) * uvStride, x >> chromaShiftX);
        }

        private int sample(ByteBuffer plane, int rowStart, int x) {
            if (depth == 8) {
                return plane.get(rowStart + x) & 0xFF;
            }
            int i = rowStart + 2 * x;
            return ((plane.get(i) & 0xFF) | (plane.get(i + 1) & 0xFF) << 8) >> (depth - 8);
        }

        private int toRgb(int luma, int cb, int cr) {
            int d = cb - 128;
            int e = cr - 128;
            int r;
            int g;
            int b;
            if (fullRange) {
                int c = luma << 8;
                r = (c + 359 * e + 128) >> 8;
                g = (c - 88 * d - 183 * e + 128) >> 8;
                b = (c + 454 * d + 128) >> 8;
            } else {
                int c = 298 * (luma - 16);
                r = (c + 409 * e + 128) >> 8;
                g = (c - 100 * d - 208 * e + 128) >> 8;
                b = (c + 516 * d + 128) >> 8;
            }
            return clip(r) << 16 | clip(g) << 8 | clip(b);
        }

        private static int clip(int value) {
            return value < 0 ? 0 : Math.min(255, value);
        }
    }
}
