package city.vigil.deep;

import java.util.Arrays;

/**
 * Every raw figure the diagnostics judge, measured once per frame on its {@link FrameSample}. The figures a scene sets
 * by nature (brightness, contrast, sharpness, flat regions, colour, bands) are also what a camera's baseline keeps, so
 * a naturally dark, flat or tinted view is judged against itself.
 *
 * @param meanLuma   mean luma (0–255)
 * @param spread     standard deviation of luma
 * @param p10        the luma a tenth of the picture is darker than: a washed-out picture has no dark tenth
 * @param clipped    share of pixels clipped white (≥ 250)
 * @param laplacian  variance of the Laplacian (edges and detail)
 * @param sharpness  variance of the Laplacian over the variance of luma: detail for the contrast there is, so a low
 *                   contrast picture is not read as a blurred one
 * @param noise      sensor noise (σ, luma levels) of the flattest fifth of the picture, by Immerkær's estimator: a
 *                   textured scene has flat places, a snowy picture has none
 * @param flatShare  share of 8×8 blocks that are flat and of one brightness (±8)
 * @param meanA      mean Lab a* (green − / red +)
 * @param meanB      mean Lab b* (blue − / yellow +)
 * @param chromaSpread mean distance of the pixels' (a*, b*) from their mean
 * @param stripePeriod rows of the sample between bands, of the dominant row period (3–30)
 * @param stripeDepth  luma levels the bands run deep at that period
 * @param stripeFit    how well one sine follows the bands in the weaker half of the picture (−1–1)
 * @param luma         the sample's luma, for the frozen comparison
 * @param layout       the view's layout: luma means of a 16×9 grid, standardised (zero mean, unit spread), so
 *                     exposure, contrast and colour leave it as it is and only another view changes it
 */
public record PictureMeasures(double meanLuma, double spread, double p10, double clipped, double laplacian, double sharpness, double noise,
                              double flatShare, double meanA, double meanB, double chromaSpread, double stripePeriod, double stripeDepth,
                              double stripeFit, double[] luma, float[] layout) {
    static final int LAYOUT_COLUMNS = 16;
    static final int LAYOUT_ROWS = 9;

    public static PictureMeasures of(FrameSample f) {
        int n = f.pixels();
        int w = f.width();
        int h = f.height();
        double[] y = new double[n];
        int[] histogram = new int[256];
        double sum = 0;
        int bright = 0;
        for (int i = 0; i < n; i++) {
            y[i] = f.y(i);
            sum += y[i];
            bright += y[i] >= 250 ? 1 : 0;
            histogram[Math.min(255, (int) y[i])]++;
        }
        double mean = sum / n;
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        var /= n;
        double laplacian = laplacianVariance(y, w, h);
        double[] chroma = chroma(f);
        double[] stripes = stripes(y, w, h);
        return new PictureMeasures(mean, Math.sqrt(var), percentile(histogram, n, 0.10), bright / (double) n, laplacian,
                laplacian / Math.max(var, 1), noise(y, w, h), flatShare(y, w, h), chroma[0], chroma[1], chroma[2], stripes[0], stripes[1],
                stripes[2], y, layout(y, w, h));
    }

    /** Block means of the grid (block-averaged, so coding noise and grain cancel), standardised. */
    static float[] blockMeans(double[] y, int w, int h, int columns, int rows) {
        float[] means = new float[columns * rows];
        int bw = w / columns;
        int bh = h / rows;
        for (int by = 0; by < rows; by++) {
            for (int bx = 0; bx < columns; bx++) {
                double s = 0;
                for (int yy = 0; yy < bh; yy++) {
                    for (int xx = 0; xx < bw; xx++) {
                        s += y[(by * bh + yy) * w + bx * bw + xx];
                    }
                }
                means[by * columns + bx] = (float) (s / (bw * bh));
            }
        }
        return means;
    }

    private static float[] layout(double[] y, int w, int h) {
        float[] means = blockMeans(y, w, h, LAYOUT_COLUMNS, LAYOUT_ROWS);
        double mean = 0;
        for (float v : means) {
            mean += v;
        }
        mean /= means.length;
        double var = 0;
        for (float v : means) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / means.length);
        for (int i = 0; i < means.length; i++) {
            means[i] = (float) (std < 0.5 ? 0 : (means[i] - mean) / std);
        }
        return means;
    }

    /** Correlation of two layouts (−1–1); 1 for one view, whatever its exposure or colour. */
    static double layoutCorrelation(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum / a.length;
    }

    /** Distance of the mean colour from neutral grey in Lab's a*b* plane. */
    double chromaOffset() {
        return Math.hypot(meanA, meanB);
    }

    private static double percentile(int[] histogram, int n, double share) {
        int below = 0;
        for (int v = 0; v < histogram.length; v++) {
            below += histogram[v];
            if (below >= share * n) {
                return v;
            }
        }
        return 255;
    }

    static double laplacianVariance(double[] y, int w, int h) {
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int row = 1; row < h - 1; row++) {
            for (int col = 1; col < w - 1; col++) {
                int i = row * w + col;
                double l = y[i - 1] + y[i + 1] + y[i - w] + y[i + w] - 4 * y[i];
                sum += l;
                sq += l * l;
                n++;
            }
        }
        double mean = sum / n;
        return sq / n - mean * mean;
    }

    /**
     * Immerkær's fast noise estimate (the image convolved with the difference of two Laplacians, which cancels
     * gradients and keeps what no smooth surface has), per 8×8 block; the picture's noise is the fifth-flattest block's.
     */
    static double noise(double[] y, int w, int h) {
        int bw = w / 8;
        int bh = h / 8;
        double[] blocks = new double[bw * bh];
        int[] counts = new int[bw * bh];
        for (int row = 1; row < bh * 8 - 1 && row < h - 1; row++) {
            for (int col = 1; col < bw * 8 - 1 && col < w - 1; col++) {
                int i = row * w + col;
                double m = y[i - w - 1] - 2 * y[i - w] + y[i - w + 1] - 2 * y[i - 1] + 4 * y[i] - 2 * y[i + 1] + y[i + w - 1] - 2 * y[i + w] + y[i + w + 1];
                int b = (row / 8) * bw + col / 8;
                blocks[b] += Math.abs(m);
                counts[b]++;
            }
        }
        double[] sigma = new double[blocks.length];
        for (int b = 0; b < blocks.length; b++) {
            sigma[b] = counts[b] == 0 ? 0 : Math.sqrt(Math.PI / 2) * blocks[b] / (6.0 * counts[b]);
        }
        Arrays.sort(sigma);
        return sigma[sigma.length / 5];
    }

    /** Share of 8×8 blocks that are flat and of one brightness (±8): a bag, a branch, a wall in front of the lens. */
    static double flatShare(double[] y, int w, int h) {
        int bw = w / 8;
        int bh = h / 8;
        int[] bins = new int[33];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                double s = 0;
                double s2 = 0;
                for (int yy = 0; yy < 8; yy++) {
                    for (int xx = 0; xx < 8; xx++) {
                        double v = y[(by * 8 + yy) * w + bx * 8 + xx];
                        s += v;
                        s2 += v * v;
                    }
                }
                double mean = s / 64;
                double std = Math.sqrt(Math.max(0, s2 / 64 - mean * mean));
                if (std < 4) {
                    bins[(int) (mean / 8)]++;
                }
            }
        }
        int best = 0;
        for (int i = 0; i < bins.length - 1; i++) {
            best = Math.max(best, bins[i] + bins[i + 1]);
        }
        return best / (double) (bw * bh);
    }

    /** Mean a*, mean b*, and the mean distance of the pixels' (a*, b*) from that mean. */
    private static double[] chroma(FrameSample f) {
        int n = f.pixels();
        double[] a = new double[n];
        double[] b = new double[n];
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < n; i++) {
            double[] lab = Lab.of(f.r(i), f.g(i), f.b(i));
            a[i] = lab[1];
            b[i] = lab[2];
            sa += a[i];
            sb += b[i];
        }
        double ma = sa / n;
        double mb = sb / n;
        double spread = 0;
        for (int i = 0; i < n; i++) {
            // Not Math.hypot: it guards against overflow at many times the cost, and these are small numbers.
            double da = a[i] - ma;
            double db = b[i] - mb;
            spread += Math.sqrt(da * da + db * db);
        }
        return new double[] {ma, mb, spread / n};
    }

    /**
     * Rolling interference: the row means carry one dominant period (3–30 rows of the sample) as one sine that runs
     * through the whole picture, top half and bottom half alike. A scene's horizontal edges (a skyline, lane marks) are
     * steps in one place, whose energy spreads over every period and which no single sine follows across the picture.
     * Returns the period, the depth and the weaker half's fit.
     */
    private static double[] stripes(double[] y, int w, int h) {
        double[] rows = new double[h];
        for (int row = 0; row < h; row++) {
            double s = 0;
            for (int col = 0; col < w; col++) {
                s += y[row * w + col];
            }
            rows[row] = s / w;
        }
        double period = dominantPeriod(rows);
        // What is left after a running median over one period: the bands, without the scene's gradients and steps (a
        // median keeps the horizon a step where a mean would smear it into a ramp).
        int window = (int) Math.round(period) | 1;
        double[] bands = new double[h];
        double[] around = new double[window];
        for (int row = 0; row < h; row++) {
            int from = Math.max(0, Math.min(h - window, row - window / 2));
            System.arraycopy(rows, from, around, 0, window);
            Arrays.sort(around);
            bands[row] = rows[row] - around[window / 2];
        }
        double omega = 2 * Math.PI / period;
        double re = 0;
        double im = 0;
        for (int k = 0; k < h; k++) {
            re += bands[k] * Math.cos(omega * k);
            im += bands[k] * Math.sin(omega * k);
        }
        double depth = 2 * Math.sqrt(re * re + im * im) / h;
        double phase = Math.atan2(im, re);
        double fit = Math.min(fit(bands, 0, h / 2, omega, phase), fit(bands, h / 2, h, omega, phase));
        return new double[] {period, depth, fit};
    }

    /**
     * The period (rows) carrying most of the row-to-row energy. First differences take out gradients and turn a
     * scene's steps into lone spikes; they are clipped at three times their median size, so one big step (the horizon)
     * cannot drown faint bands.
     */
    private static double dominantPeriod(double[] rows) {
        double[] diff = new double[rows.length - 1];
        double[] sizes = new double[diff.length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = rows[i + 1] - rows[i];
            sizes[i] = Math.abs(diff[i]);
        }
        Arrays.sort(sizes);
        double limit = Math.max(0.5, 3 * sizes[sizes.length / 2]);
        for (int i = 0; i < diff.length; i++) {
            diff[i] = Math.max(-limit, Math.min(limit, diff[i]));
        }
        double bestPower = -1;
        double best = 3;
        for (double period = 3; period <= 30; period += 0.25) {
            double re = 0;
            double im = 0;
            double omega = 2 * Math.PI / period;
            for (int k = 0; k < diff.length; k++) {
                re += diff[k] * Math.cos(omega * k);
                im += diff[k] * Math.sin(omega * k);
            }
            double power = re * re + im * im;
            if (power > bestPower) {
                bestPower = power;
                best = period;
            }
        }
        return best;
    }

    /** Correlation, over rows [from, to), of {@code bands} with the sine of that frequency and phase. */
    private static double fit(double[] bands, int from, int to, double omega, double phase) {
        double sv = 0;
        double ss = 0;
        double vv = 0;
        for (int k = from; k < to; k++) {
            double sine = Math.cos(omega * k - phase);
            sv += sine * bands[k];
            ss += sine * sine;
            vv += bands[k] * bands[k];
        }
        return vv == 0 ? 0 : sv / Math.sqrt(ss * vv);
    }
}
