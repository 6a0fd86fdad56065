package city.vigil.deep;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Diagnoses one decoded frame (DESIGN §1 image layer), on a {@link FrameSample}. Each fault has one measure and one
 * threshold ({@link Thresholds}); every verdict carries both, so an operator can see how close a camera is. Signal
 * loss suppresses everything else; a black picture suppresses the faults that need something to look at (dark,
 * contrast, blur, noise, occlusion, cast, scene), and a too dark or overexposed one those its exposure explains
 * (flat clipped regions, low contrast, a shifted histogram). A grayscale picture (night IR) is never a colour cast.
 * Frozen compares two frames a second or more apart (unless the coded frames between them show the picture moving);
 * scene change compares with the camera's learned baseline.
 */
public final class Diagnostics {

    /** The thresholds (vigil.deep.thresholds.*), tuned on the simulator's faults (see DiagnosisTest). */
    public record Thresholds(double blackMean, double blackStd, double darkMean, double brightMean, double brightShare,
                             double contrastStd, double blurLaplacian, double frozenChangedShare, double castRatio, double castDistance,
                             double noiseGradient, double occludedShare, double stripeAmplitude, double sceneDistance,
                             double frozenMotionBits) {
        public static Thresholds defaults() {
            return new Thresholds(20, 1.5, 45, 215, 0.35, 18, 300, 0.008, 1.5, 12, 30, 0.45, 4, 0.45, 0.01);
        }
    }

    /** The camera's learned baseline (scene change); null until it has one. */
    public record History(Fingerprint baseline) {
    }

    private final Thresholds t;

    public Diagnostics(Thresholds thresholds) {
        this.t = thresholds;
    }

    /** No frame could be decoded: signal loss, and nothing else can be judged. */
    public List<Verdict> signalLoss(String why) {
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(new Verdict(ImageFault.SIGNAL_LOSS, true, 1, 1, 1, why));
        return verdicts;
    }

    /** Diagnoses {@code f}; {@code motion} (what the stream showed over the frozen window after it) decides frozen. */
    public List<Verdict> diagnose(FrameSample f, Motion motion, History history) {
        int n = f.pixels();
        double[] y = new double[n];
        double sum = 0;
        int bright = 0;
        for (int i = 0; i < n; i++) {
            y[i] = f.y(i);
            sum += y[i];
            bright += y[i] >= 250 ? 1 : 0;
        }
        double mean = sum / n;
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / n);
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(new Verdict(ImageFault.SIGNAL_LOSS, false, 0, 1, 1, "decoded " + f.sourceWidth() + "×" + f.sourceHeight()));
        Verdict black = new Verdict(ImageFault.BLACK, mean < t.blackMean() && std < t.blackStd(), round(mean), t.blackMean(),
                0.9, String.format("mean luma %.1f, spread %.1f", mean, std));
        verdicts.add(black);
        List<Verdict> needPicture = new ArrayList<>();
        needPicture.add(Verdict.under(ImageFault.TOO_DARK, mean, t.darkMean(), 20, String.format("mean luma %.1f of 255", mean)));
        double brightShare = bright / (double) n;
        needPicture.add(new Verdict(ImageFault.OVEREXPOSED, mean > t.brightMean() || brightShare > t.brightShare(), round(mean), t.brightMean(),
                0.8, String.format("mean luma %.1f, %.0f%% of pixels clipped white", mean, brightShare * 100)));
        needPicture.add(Verdict.under(ImageFault.LOW_CONTRAST, std, t.contrastStd(), 10, String.format("luma spread %.1f", std)));
        double laplacian = laplacianVariance(y, f.width(), f.height());
        needPicture.add(Verdict.under(ImageFault.BLURRED, laplacian, t.blurLaplacian(), t.blurLaplacian(),
                String.format("variance of the Laplacian %.1f", laplacian)));
        double gradient = meanGradient(y, f.width(), f.height());
        needPicture.add(Verdict.over(ImageFault.NOISE, gradient, t.noiseGradient(), t.noiseGradient(),
                String.format("mean neighbour difference %.1f", gradient)));
        double occluded = largestFlatShare(y, f.width(), f.height());
        needPicture.add(Verdict.over(ImageFault.OCCLUDED, occluded, t.occludedShare(), 0.3,
                String.format("%.0f%% of the view is one flat region", occluded * 100)));
        needPicture.add(stripes(y, f.width(), f.height()));
        needPicture.add(colourCast(f));
        Fingerprint now = Fingerprint.of(f);
        if (history.baseline() != null) {
            double d = now.histogramDistance(history.baseline());
            needPicture.add(Verdict.over(ImageFault.SCENE_CHANGED, d, t.sceneDistance(), 0.3,
                    String.format("colour histogram %.2f away from the learned baseline", d)));
        }
        for (Verdict v : needPicture) {
            verdicts.add(black.failed() ? v.suppressedBy(ImageFault.BLACK) : v);
        }
        Verdict frozen = frozen(y, motion);
        if (frozen != null) {
            verdicts.add(black.failed() ? frozen.suppressedBy(ImageFault.BLACK) : frozen);
        }
        return verdicts;
    }

    /**
     * Frozen: two frames a second or more apart compared pixel by pixel, when the grab decoded the later one; a moving
     * picture already shown by the coded size of the frames in between is not frozen. Null when the window showed
     * neither (not watched, or the stream ended first).
     */
    private Verdict frozen(double[] y, Motion motion) {
        if (motion == null) {
            return null;
        }
        if (motion.later() != null) {
            double changed = changedShare(y, motion.later());
            return Verdict.under(ImageFault.FROZEN, changed, t.frozenChangedShare(), t.frozenChangedShare(),
                    String.format("%.2f%% of the picture changed between two frames %.1f s apart", changed * 100, motion.spanMicros() / 1e6));
        }
        if (motion.bitsPerPixel() >= t.frozenMotionBits()) {
            return Verdict.under(ImageFault.FROZEN, motion.bitsPerPixel(), t.frozenMotionBits(), t.frozenMotionBits(),
                    String.format("%d frames over %.1f s carried %.3f bits of picture change per pixel each: a moving picture", motion.frames(),
                            motion.spanMicros() / 1e6, motion.bitsPerPixel()));
        }
        return null;
    }

    /** The faults found, strongest first (SIGNAL_LOSS, then in enum order). */
    public static Set<ImageFault> faults(List<Verdict> verdicts) {
        Set<ImageFault> faults = EnumSet.noneOf(ImageFault.class);
        verdicts.stream().filter(Verdict::failed).forEach(v -> faults.add(v.fault()));
        // Exposure explains flat clipped regions, little contrast and a shifted histogram: the cause to act on is the
        // exposure.
        if (faults.contains(ImageFault.TOO_DARK) || faults.contains(ImageFault.OVEREXPOSED)) {
            faults.removeAll(EnumSet.of(ImageFault.LOW_CONTRAST, ImageFault.OCCLUDED, ImageFault.SCENE_CHANGED, ImageFault.BLURRED,
                    ImageFault.FROZEN));
        }
        // Little of an occluded view can move: it is the occlusion to act on.
        if (faults.contains(ImageFault.OCCLUDED)) {
            faults.remove(ImageFault.FROZEN);
        }
        return faults;
    }

    /** The fault an operator acts on first, of those found; null when the picture is fine. */
    public static ImageFault primary(Set<ImageFault> faults) {
        for (ImageFault f : PRIORITY) {
            if (faults.contains(f)) {
                return f;
            }
        }
        return null;
    }

    /** Most telling first: a frozen or snowy picture is also "low contrast" or "blurred" to the simpler measures. */
    private static final List<ImageFault> PRIORITY = List.of(ImageFault.SIGNAL_LOSS, ImageFault.BLACK, ImageFault.FROZEN,
            ImageFault.NOISE, ImageFault.STRIPES, ImageFault.TOO_DARK, ImageFault.OVEREXPOSED, ImageFault.OCCLUDED, ImageFault.COLOUR_CAST,
            ImageFault.SCENE_CHANGED, ImageFault.BLURRED, ImageFault.LOW_CONTRAST);

    /** Lab chroma: mean offset D against dispersion M; a cast when D is large and dominates M. Gray pictures never. */
    private Verdict colourCast(FrameSample f) {
        int n = f.pixels();
        double sa = 0;
        double sb = 0;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double[] lab = Lab.of(f.r(i), f.g(i), f.b(i));
            a[i] = lab[1];
            b[i] = lab[2];
            sa += a[i];
            sb += b[i];
        }
        double ma = sa / n;
        double mb = sb / n;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < n; i++) {
            va += Math.abs(a[i] - ma);
            vb += Math.abs(b[i] - mb);
        }
        double d = Math.sqrt(ma * ma + mb * mb);
        double m = Math.sqrt((va / n) * (va / n) + (vb / n) * (vb / n));
        double k = d / Math.max(m, 1e-6);
        boolean gray = d < 3 && m < 3;
        boolean failed = !gray && d > t.castDistance() && k > t.castRatio();
        String evidence = gray ? "grayscale picture (night IR): no colour to judge"
                : String.format("Lab mean offset %.1f (a %.1f, b %.1f), dispersion %.1f, ratio %.2f", d, ma, mb, m, k);
        return new Verdict(ImageFault.COLOUR_CAST, failed, round(k), t.castRatio(), failed || gray ? 0.8 : 0.6, evidence);
    }

    /**
     * Rolling interference: the row means carry one dominant period (3–30 rows of the sample) as one sine that runs
     * through the whole picture, top half and bottom half alike. A scene's horizontal edges (a skyline, lane marks) are
     * steps in one place, whose energy spreads over every period and which no single sine follows across the picture.
     */
    private Verdict stripes(double[] y, int w, int h) {
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
            java.util.Arrays.sort(around);
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
        double top = fit(bands, 0, h / 2, omega, phase);
        double bottom = fit(bands, h / 2, h, omega, phase);
        double score = Math.min(top, bottom) >= 0.6 ? depth : 0;
        return Verdict.over(ImageFault.STRIPES, score, t.stripeAmplitude(), t.stripeAmplitude(),
                String.format("bands every %.1f rows of %d, %.1f luma levels deep; the sine follows the top half %.0f%%, the bottom %.0f%%",
                        period, h, depth, Math.max(0, top) * 100, Math.max(0, bottom) * 100));
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
        java.util.Arrays.sort(sizes);
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

    /** Share of sampled pixels whose luma moved by more than 10 levels (compression noise stays below). */
    static double changedShare(double[] y, FrameSample later) {
        int changed = 0;
        for (int i = 0; i < y.length; i++) {
            changed += Math.abs(y[i] - later.y(i)) > 10 ? 1 : 0;
        }
        return changed / (double) y.length;
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

    static double meanGradient(double[] y, int w, int h) {
        double sum = 0;
        int n = 0;
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w - 1; col++) {
                sum += Math.abs(y[row * w + col + 1] - y[row * w + col]);
                n++;
            }
        }
        return sum / n;
    }

    /** Share of 8×8 blocks that are flat and of one brightness (±8): a bag, a branch, a wall in front of the lens. */
    static double largestFlatShare(double[] y, int w, int h) {
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

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
