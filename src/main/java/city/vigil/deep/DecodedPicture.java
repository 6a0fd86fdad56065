package city.vigil.deep;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.Frame;

/**
 * A decoded picture read in place, as the decoder left it: the deep tier samples a 160×90 grid and a 320-wide snapshot
 * from it, so converting every pixel of the frame to BGR first (and setting up a scaler for it on every grab) was wasted
 * work. Decoders of camera streams give planar Y′CbCr (4:2:0 for H.264/H.265, 4:2:2 for some MJPEG, 10-bit for H.265
 * Main10), read by {@link #planar}; anything else is converted to BGR by JavaCV and read by {@link #bgr}.
 */
interface DecodedPicture {
    int width();

    int height();

    /** RGB of one pixel, packed as 0xRRGGBB. */
    int rgb(int x, int y);

    /** RGB of the 2×2 block at (x, y), (x+1, y+1) averaged, packed as 0xRRGGBB. */
    int rgb2x2(int x, int y);

    /** The deprecated "J" formats MJPEG decoders still give: full range whatever the frame's colour range says. */
    java.util.Set<Integer> FULL_RANGE_FORMATS = java.util.Set.of(avutil.AV_PIX_FMT_YUVJ420P, avutil.AV_PIX_FMT_YUVJ422P,
            avutil.AV_PIX_FMT_YUVJ444P, avutil.AV_PIX_FMT_YUVJ440P, avutil.AV_PIX_FMT_YUVJ411P);

    /** The frame as a RAW-mode grabber gave it, when it is planar Y′CbCr or grey (8 to 16 bits); else null. */
    static DecodedPicture planar(Frame frame) {
        if (!(frame.opaque instanceof AVFrame picture)) {
            return null;
        }
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
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        int chromaRows = -((-h) >> d.log2_chroma_h());
        boolean fullRange = picture.color_range() == avutil.AVCOL_RANGE_JPEG || FULL_RANGE_FORMATS.contains(picture.format());
        return new Planar(w, h, depth, plane(picture, 0, h), picture.linesize(0), components == 3 ? plane(picture, 1, chromaRows) : null,
                components == 3 ? plane(picture, 2, chromaRows) : null, components == 3 ? picture.linesize(1) : 0, d.log2_chroma_w(),
                d.log2_chroma_h(), fullRange);
    }

    private static ByteBuffer plane(AVFrame picture, int index, int rows) {
        return picture.data(index).capacity((long) picture.linesize(index) * rows).asBuffer();
    }

    /** JavaCV's packed BGR24 (the fallback for pixel formats {@link #planar} does not read). */
    static DecodedPicture bgr(Frame frame) {
        return new Bgr(frame.imageWidth, frame.imageHeight, (ByteBuffer) frame.image[0], frame.imageStride);
    }

    record Bgr(int width, int height, ByteBuffer bgr, int stride) implements DecodedPicture {
        @Override
        public int rgb(int x, int y) {
            int i = y * stride + x * 3;
            return (bgr.get(i + 2) & 0xFF) << 16 | (bgr.get(i + 1) & 0xFF) << 8 | bgr.get(i) & 0xFF;
        }

        @Override
        public int rgb2x2(int x, int y) {
            int x1 = Math.min(width - 1, x + 1);
            int y1 = Math.min(height - 1, y + 1);
            int a = rgb(x, y);
            int b = rgb(x1, y);
            int c = rgb(x, y1);
            int d = rgb(x1, y1);
            return mean(a, b, c, d, 16) << 16 | mean(a, b, c, d, 8) << 8 | mean(a, b, c, d, 0);
        }

        private static int mean(int a, int b, int c, int d, int shift) {
            return ((a >> shift & 0xFF) + (b >> shift & 0xFF) + (c >> shift & 0xFF) + (d >> shift & 0xFF)) >> 2;
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

        @Override
        public int rgb2x2(int x, int row) {
            int x1 = Math.min(width - 1, x + 1);
            int r1 = Math.min(height - 1, row + 1);
            int mean = (luma(x, row) + luma(x1, row) + luma(x, r1) + luma(x1, r1)) >> 2;
            // In 4:2:0 a 2×2 block at even coordinates shares one chroma sample.
            return toRgb(mean, cb(x, row), cr(x, row));
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
