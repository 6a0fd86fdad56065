package city.vigil.sim;

import java.awt.image.BufferedImage;

/** Simple picture measures the tests assert on (the deep probe will grow real diagnostics from the same ideas). */
final class ImageStats {
    private ImageStats() {
    }

    static double meanLuma(BufferedImage image) {
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                sum += luma(image.getRGB(x, y));
            }
        }
        return sum / (image.getWidth() * (double) image.getHeight());
    }

    /** Mean of (R, G, B) separately. */
    static double[] meanRgb(BufferedImage image) {
        double[] sum = new double[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum[0] += (rgb >> 16) & 0xFF;
                sum[1] += (rgb >> 8) & 0xFF;
                sum[2] += rgb & 0xFF;
            }
        }
        double n = image.getWidth() * (double) image.getHeight();
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }

    /** Variance of the Laplacian of the luma: low for a blurred picture, high for a sharp or noisy one. */
    static double sharpness(BufferedImage image) {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int y = 1; y < image.getHeight() - 1; y++) {
            for (int x = 1; x < image.getWidth() - 1; x++) {
                double l = 4 * luma(image.getRGB(x, y)) - luma(image.getRGB(x - 1, y)) - luma(image.getRGB(x + 1, y))
                        - luma(image.getRGB(x, y - 1)) - luma(image.getRGB(x, y + 1));
                sum += l;
                sumSq += l * l;
                n++;
            }
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }

    /** Mean absolute luma difference between two pictures of the same size. */
    static double difference(BufferedImage a, BufferedImage b) {
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                sum += Math.abs(luma(a.getRGB(x, y)) - luma(b.getRGB(x, y)));
            }
        }
        return sum / (a.getWidth() * (double) a.getHeight());
    }

    /** Share of pixels whose luma is within 6 of the picture's most common luma: large for an occluded view. */
    static double uniformShare(BufferedImage image) {
        int[] histogram = new int[256];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                histogram[(int) Math.round(luma(image.getRGB(x, y)))]++;
            }
        }
        int mode = 0;
        for (int i = 1; i < 256; i++) {
            if (histogram[i] > histogram[mode]) {
                mode = i;
            }
        }
        int near = 0;
        for (int i = Math.max(0, mode - 6); i <= Math.min(255, mode + 6); i++) {
            near += histogram[i];
        }
        return near / (image.getWidth() * (double) image.getHeight());
    }

    private static double luma(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }
}
