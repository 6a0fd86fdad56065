package city.vigil.deep;

import java.nio.ByteBuffer;

/**
 * A decoded frame reduced to what diagnostics need: RGB on a small grid picked point by point (not averaged, so
 * snow and sharp edges survive the reduction), plus the source size. 160×90 is enough for every fault Vigil
 * diagnoses and costs microseconds.
 */
public record FrameSample(int width, int height, int sourceWidth, int sourceHeight, byte[] rgb) {
    public static final int WIDTH = 160;
    public static final int HEIGHT = 90;

    /** Samples a BGR24 image (JavaCV's default grabber output) of {@code w}×{@code h} with the given row stride. */
    public static FrameSample ofBgr(ByteBuffer bgr, int w, int h, int stride) {
        byte[] rgb = new byte[WIDTH * HEIGHT * 3];
        for (int sy = 0; sy < HEIGHT; sy++) {
            int y = (int) ((sy + 0.5) * h / HEIGHT);
            for (int sx = 0; sx < WIDTH; sx++) {
                int x = (int) ((sx + 0.5) * w / WIDTH);
                int src = y * stride + x * 3;
                int dst = (sy * WIDTH + sx) * 3;
                rgb[dst] = bgr.get(src + 2);
                rgb[dst + 1] = bgr.get(src + 1);
                rgb[dst + 2] = bgr.get(src);
            }
        }
        return new FrameSample(WIDTH, HEIGHT, w, h, rgb);
    }

    int r(int i) {
        return rgb[i * 3] & 0xFF;
    }

    int g(int i) {
        return rgb[i * 3 + 1] & 0xFF;
    }

    int b(int i) {
        return rgb[i * 3 + 2] & 0xFF;
    }

    /** Luma (BT.601) of pixel i. */
    double y(int i) {
        return 0.299 * r(i) + 0.587 * g(i) + 0.114 * b(i);
    }

    int pixels() {
        return width * height;
    }
}
