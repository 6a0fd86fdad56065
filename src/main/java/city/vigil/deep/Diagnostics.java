package city.vigil.deep;

import city.vigil.probe.ImageFault;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Diagnoses one decoded frame (DESIGN §1 image layer) from its {@link PictureMeasures}. Each fault has one measure and
 * one threshold ({@link Thresholds}); every verdict carries both, so an operator can see how close a camera is. The
 * faults a scene can show by nature (dark, low contrast, soft, flat, tinted, banded) are judged against the camera's
 * learned baseline when it has one — a night street is not "too dark", a wall not "occluded" — and against the
 * fleet-wide thresholds until then; a picture darker than {@code darkFloor} is too dark whatever its baseline. Signal
 * loss suppresses everything else; a black picture suppresses the faults that need something to look at; of the faults
 * found, the one that explains the others is reported ({@link #faults}). A grayscale picture (night IR) is never a
 * colour cast. Frozen compares two frames a second or more apart (unless the coded frames between them show the picture
 * moving); scene change compares with the baseline. The thresholds come from the picture corpus (CorpusDiagnosisTest).
 */
public final class Diagnostics {

    /** The thresholds (vigil.deep.thresholds.*, described in {@link DeepConfig.Limits}). */
    public record Thresholds(double blackMean, double blackStd, double darkMean, double darkFloor, double darkRatio, double brightMean,
                             double brightFloor, double brightShare, double contrastStd, double contrastRatio, double blurSharpness,
                             double blurRatio, double frozenChangedShare, double castRatio, double castDistance, double castStrong,
                             double castShift, double noiseSigma, double noiseRatio, double occludedShare, double occludedGrowth,
                             double stripeAmplitude, double stripeRatio, double sceneDistance, double frozenMotionBits, double frozenMotionShare) {
        public static Thresholds defaults() {
            return new Thresholds(20, 1.5, 45, 25, 0.6, 170, 100, 0.35, 18, 0.5, 0.05, 0.25, 0.008, 1.5, 12, 40, 15, 12, 2.5, 0.45, 0.3, 4, 2,
                    0.45, 0.01, 0.05);
        }

        /** The same, with every grab decoding and comparing the frozen window's frames (benchmarks, tests). */
        public Thresholds comparingEveryTime() {
            return new Thresholds(blackMean, blackStd, darkMean, darkFloor, darkRatio, brightMean, brightFloor, brightShare, contrastStd,
                    contrastRatio, blurSharpness, blurRatio, frozenChangedShare, castRatio, castDistance, castStrong, castShift, noiseSigma,
                    noiseRatio, occludedShare, occludedGrowth, stripeAmplitude, stripeRatio, sceneDistance, Double.MAX_VALUE, frozenMotionShare);
        }
    }

    /** The camera's learned baseline; null until it has one. */
    public record History(Fingerprint baseline) {
        Fingerprint.Scene scene() {
            return baseline == null ? null : baseline.scene();
        }
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
        PictureMeasures m = PictureMeasures.of(f);
        Verdict scene = null;
        if (history.baseline() != null) {
            double d = history.baseline().viewDistance(Fingerprint.of(f, m));
            scene = Verdict.over(ImageFault.SCENE_CHANGED, d, t.sceneDistance(), 0.3,
                    String.format("the view's layout %.2f away from the learned one (0 same, 1 unrelated)", d));
        }
        // Another view makes the learned one no measure: its figures are judged by the fleet's thresholds.
        Fingerprint.Scene base = scene == null || scene.failed() ? null : history.scene();
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(new Verdict(ImageFault.SIGNAL_LOSS, false, 0, 1, 1, "decoded " + f.sourceWidth() + "×" + f.sourceHeight()));
        Verdict black = new Verdict(ImageFault.BLACK, m.meanLuma() < t.blackMean() && m.spread() < t.blackStd(), round(m.meanLuma()),
                t.blackMean(), 0.9, String.format("mean luma %.1f, spread %.1f", m.meanLuma(), m.spread()));
        verdicts.add(black);
        List<Verdict> needPicture = new ArrayList<>();
        needPicture.add(dark(m, base));
        needPicture.add(overexposed(m));
        needPicture.add(lowContrast(m, base));
        needPicture.add(blurred(m, base));
        needPicture.add(noise(m, base));
        needPicture.add(occluded(m, base));
        needPicture.add(stripes(m, base));
        needPicture.add(colourCast(m, base));
        if (scene != null) {
            needPicture.add(scene);
        }
        for (Verdict v : needPicture) {
            verdicts.add(black.failed() ? v.suppressedBy(ImageFault.BLACK) : v);
        }
        Verdict frozen = frozen(m.luma(), motion);
        if (frozen != null) {
            verdicts.add(black.failed() ? frozen.suppressedBy(ImageFault.BLACK) : frozen);
        }
        return verdicts;
    }

    /** Too dark: under the fleet threshold and well under the camera's own normal; under the floor always. */
    private Verdict dark(PictureMeasures m, Fingerprint.Scene base) {
        double mean = m.meanLuma();
        if (base == null) {
            return Verdict.under(ImageFault.TOO_DARK, mean, t.darkMean(), 20, String.format("mean luma %.1f of 255", mean));
        }
        double limit = Math.max(t.darkFloor(), Math.min(t.darkMean(), t.darkRatio() * base.meanLuma()));
        return Verdict.under(ImageFault.TOO_DARK, mean, limit, 20,
                String.format("mean luma %.1f of 255, the view's normal %.1f", mean, base.meanLuma()));
    }

    /** Overexposed: a bright picture with no dark tenth left (washed out by backlight, flare, an open iris), or clipped white. */
    private Verdict overexposed(PictureMeasures m) {
        boolean failed = m.meanLuma() > t.brightMean() && (m.p10() > t.brightFloor() || m.clipped() > t.brightShare());
        return new Verdict(ImageFault.OVEREXPOSED, failed, round(m.meanLuma()), t.brightMean(), 0.8, String.format(
                "mean luma %.1f, the darkest tenth above %.0f, %.0f%% of pixels clipped white", m.meanLuma(), m.p10(), m.clipped() * 100));
    }

    private Verdict lowContrast(PictureMeasures m, Fingerprint.Scene base) {
        if (base == null) {
            return Verdict.under(ImageFault.LOW_CONTRAST, m.spread(), t.contrastStd(), 10, String.format("luma spread %.1f", m.spread()));
        }
        double ratio = m.spread() / Math.max(base.spread(), 1);
        return Verdict.under(ImageFault.LOW_CONTRAST, ratio, t.contrastRatio(), t.contrastRatio(),
                String.format("luma spread %.1f, %.0f%% of the view's normal %.1f", m.spread(), ratio * 100, base.spread()));
    }

    /** Blurred: little detail for the contrast there is (so low contrast is not blur), against the view's own detail. */
    private Verdict blurred(PictureMeasures m, Fingerprint.Scene base) {
        if (base == null) {
            return Verdict.under(ImageFault.BLURRED, m.sharpness(), t.blurSharpness(), t.blurSharpness(),
                    String.format("sharpness %.3f (variance of the Laplacian %.1f over luma variance)", m.sharpness(), m.laplacian()));
        }
        double ratio = m.sharpness() / Math.max(base.sharpness(), 1e-6);
        return Verdict.under(ImageFault.BLURRED, ratio, t.blurRatio(), t.blurRatio(),
                String.format("sharpness %.3f, %.0f%% of the view's normal %.3f", m.sharpness(), ratio * 100, base.sharpness()));
    }

    /** Noise (snow): even the flattest places of the picture are grainy, and grainier than the view's own. */
    private Verdict noise(PictureMeasures m, Fingerprint.Scene base) {
        double limit = base == null ? t.noiseSigma() : Math.max(t.noiseSigma(), t.noiseRatio() * base.noise());
        return Verdict.over(ImageFault.NOISE, m.noise(), limit, limit, base == null
                ? String.format("noise σ %.1f luma levels in the flattest fifth of the view", m.noise())
                : String.format("noise σ %.1f luma levels in the flattest fifth of the view, its normal %.1f", m.noise(), base.noise()));
    }

    private Verdict occluded(PictureMeasures m, Fingerprint.Scene base) {
        double normal = base == null ? 0 : base.flatShare();
        boolean failed = m.flatShare() > t.occludedShare() && m.flatShare() - normal > t.occludedGrowth();
        return new Verdict(ImageFault.OCCLUDED, failed, round(m.flatShare()), t.occludedShare(), failed ? 0.8 : 0.6, base == null
                ? String.format("%.0f%% of the view is one flat region", m.flatShare() * 100)
                : String.format("%.0f%% of the view is one flat region, %.0f%% normally", m.flatShare() * 100, normal * 100));
    }

    /** Bands deep enough, followed by one sine through both halves, and deeper than any the view has by nature. */
    private Verdict stripes(PictureMeasures m, Fingerprint.Scene base) {
        double limit = base == null ? t.stripeAmplitude() : Math.max(t.stripeAmplitude(), t.stripeRatio() * base.stripeDepth());
        double score = m.stripeFit() >= 0.6 ? m.stripeDepth() : 0;
        return Verdict.over(ImageFault.STRIPES, score, limit, limit, String.format(
                "bands every %.1f rows of %d, %.1f luma levels deep (limit %.1f); one sine follows the weaker half %.0f%%", m.stripePeriod(),
                FrameSample.HEIGHT, m.stripeDepth(), limit, Math.max(0, m.stripeFit()) * 100));
    }

    /**
     * Colour cast: the picture's mean colour moved away from the view's normal one; until a baseline exists, a mean
     * offset from grey that dominates the colours' own dispersion, or one so strong no scene has it. Grayscale
     * pictures (night IR) never.
     */
    private Verdict colourCast(PictureMeasures m, Fingerprint.Scene base) {
        double d = m.chromaOffset();
        double k = d / Math.max(m.chromaSpread(), 1e-6);
        if (d < 3 && m.chromaSpread() < 3) {
            return new Verdict(ImageFault.COLOUR_CAST, false, round(d), t.castDistance(), 0.8, "grayscale picture (night IR): no colour to judge");
        }
        String colour = String.format("Lab mean offset %.1f (a %.1f, b %.1f), dispersion %.1f", d, m.meanA(), m.meanB(), m.chromaSpread());
        if (base != null) {
            double shift = Math.hypot(m.meanA() - base.meanA(), m.meanB() - base.meanB());
            return Verdict.over(ImageFault.COLOUR_CAST, shift, t.castShift(), t.castShift(),
                    colour + String.format(", %.1f from the view's normal (a %.1f, b %.1f)", shift, base.meanA(), base.meanB()));
        }
        boolean failed = d > t.castStrong() || d > t.castDistance() && k > t.castRatio();
        return new Verdict(ImageFault.COLOUR_CAST, failed, round(d), t.castDistance(), failed ? 0.8 : 0.6, colour + String.format(", ratio %.2f", k));
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
                    String.format("%.2f%% of the picture's blocks changed between two frames %.1f s apart", changed * 100, motion.spanMicros() / 1e6));
        }
        if (motion.moving(t.frozenMotionBits(), t.frozenMotionShare())) {
            return Verdict.under(ImageFault.FROZEN, motion.bitsPerPixel(), t.frozenMotionBits(), t.frozenMotionBits(), String.format(
                    "%d frames over %.1f s carried %.3f bits of picture change per pixel each, %.0f%% of the keyframe's: a moving picture",
                    motion.frames(), motion.spanMicros() / 1e6, motion.bitsPerPixel(), motion.keyframeShare() * 100));
        }
        return null;
    }

    /**
     * The faults found, with those another one explains taken out: the fault to act on is the cause. Exposure explains
     * flat clipped regions, little contrast, soft edges, grain, washed-out or compressed colour and a shifted histogram;
     * little contrast explains soft edges and flat regions; an occluded view cannot move or be sharp; and a view changed
     * by any other fault is no change of scene.
     */
    public static Set<ImageFault> faults(List<Verdict> verdicts) {
        Set<ImageFault> faults = EnumSet.noneOf(ImageFault.class);
        verdicts.stream().filter(Verdict::failed).forEach(v -> faults.add(v.fault()));
        if (faults.contains(ImageFault.TOO_DARK) || faults.contains(ImageFault.OVEREXPOSED)) {
            faults.removeAll(EnumSet.of(ImageFault.LOW_CONTRAST, ImageFault.OCCLUDED, ImageFault.SCENE_CHANGED, ImageFault.BLURRED,
                    ImageFault.FROZEN, ImageFault.COLOUR_CAST, ImageFault.NOISE));
        }
        if (faults.contains(ImageFault.LOW_CONTRAST)) {
            faults.removeAll(EnumSet.of(ImageFault.BLURRED, ImageFault.OCCLUDED));
        }
        if (faults.contains(ImageFault.OCCLUDED)) {
            faults.removeAll(EnumSet.of(ImageFault.FROZEN, ImageFault.BLURRED, ImageFault.COLOUR_CAST));
        }
        if (faults.size() > 1) {
            faults.remove(ImageFault.SCENE_CHANGED);
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
            ImageFault.NOISE, ImageFault.STRIPES, ImageFault.TOO_DARK, ImageFault.OVEREXPOSED, ImageFault.OCCLUDED, ImageFault.LOW_CONTRAST,
            ImageFault.COLOUR_CAST, ImageFault.BLURRED, ImageFault.SCENE_CHANGED);

    /**
     * Whether a picture may become the camera's baseline: it decoded and shows no fault a scene cannot have by nature
     * (black, frozen, snow, washed out, darker than the floor). A view dark, soft, flat, tinted or banded by nature (a
     * facade, blinds) is learned as it is, and later pictures are judged against it.
     */
    public boolean learnable(List<Verdict> verdicts) {
        for (Verdict v : verdicts) {
            boolean hard = switch (v.fault()) {
                case SIGNAL_LOSS, BLACK, FROZEN, NOISE, OVEREXPOSED -> v.failed();
                case TOO_DARK -> v.score() < t.darkFloor();
                default -> false;
            };
            if (hard) {
                return false;
            }
        }
        return true;
    }

    /**
     * Share of 4×4 blocks of the sample whose mean luma moved by more than 6 levels. Block means, because a frozen
     * picture is coded again at every keyframe, and the new quantisation moves single pixels of sharp edges by more
     * than that; motion moves whole blocks.
     */
    static double changedShare(double[] y, FrameSample later) {
        int w = FrameSample.WIDTH;
        int h = FrameSample.HEIGHT;
        double[] other = new double[y.length];
        for (int i = 0; i < other.length; i++) {
            other[i] = later.y(i);
        }
        float[] before = PictureMeasures.blockMeans(y, w, h, w / 4, h / 4);
        float[] after = PictureMeasures.blockMeans(other, w, h, w / 4, h / 4);
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            changed += Math.abs(before[i] - after[i]) > 6 ? 1 : 0;
        }
        return changed / (double) before.length;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
