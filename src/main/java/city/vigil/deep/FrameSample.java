package city.vigil.deep;

/**
 * A decoded frame reduced to what diagnostics need: RGB on a small grid picked point by point (not averaged, so
 * snow and sharp edges survive the reduction), plus the source size. 160×90 is enough for every fault Vigil
 * diagnoses and costs microseconds.
 */
public record FrameSample(int width, int height, int sourceWidth, int sourceHeight, byte[] rgb) {
    public static final int WIDTH = 160;
    public static final int HEIGHT = 90;

    /** Samples a decoded picture on the grid, point by point. */
    static FrameSample of(DecodedPicture picture) {
        int w = picture.width();
        int h = picture.height();
        byte[] rgb = new byte[WIDTH * HEIGHT * 3];
        for (int sy = 0; sy < HEIGHT; sy++) {
            int y = (int) ((sy + 0.5) * h / HEIGHT);
            for (int sx = 0; sx < WIDTH; sx++) {
                int p = picture.rgb((int) ((sx + 0.5) * w / WIDTH), y);
                int dst = (sy * WIDTH + sx) * 3;
                rgb[dst] = (byte) (p >> 16);
                rgb[dst + 1] = (byte) (p >> 8);
                rgb[dst + 2] = (byte) p;
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
