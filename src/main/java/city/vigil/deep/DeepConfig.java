package city.vigil.deep;

import city.vigil.camera.StreamKind;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The deep tier's settings (DESIGN §1 defaults). Every key is listed in README.md (Configuration). */
@ConfigMapping(prefix = "vigil.deep")
public interface DeepConfig {

    /** Decode and diagnose every camera on a sweep. */
    @WithDefault("true")
    boolean enabled();

    /** Sweep interval of class-1 cameras. */
    @WithDefault("15m")
    Duration class1Interval();

    /** Sweep interval of every other class. */
    @WithDefault("60m")
    Duration interval();

    /** Re-check of a camera whose last check failed (soft until three in a row, like liveness). */
    @WithDefault("60s")
    Duration retryInterval();

    /**
     * A confirmed failure (no picture, or an image fault) while the stream answers is re-checked on a doubling
     * back-off from the retry interval up to this, so a picture that comes back is seen within it, not a sweep later.
     */
    @WithDefault("15m")
    Duration failedRecheckCeiling();

    /** How long after start-up the first sweep begins (the liveness tier settles first). */
    @WithDefault("30s")
    Duration startDelay();

    /** Grabs at once; they wait for keyframes, not for CPU. Default: two per core. */
    Optional<Integer> concurrency();

    /** Hard deadline of one grab, open to second frame. */
    @WithDefault("8s")
    Duration deadline();

    /** Frames this far apart are compared for "frozen"; 0 turns the check off (one frame per grab). */
    @WithDefault("1s")
    Duration frozenWindow();

    /** SUB (default) or MAIN: which stream is decoded; the other is the fallback. */
    @WithDefault("SUB")
    StreamKind stream();

    Limits thresholds();

    /**
     * Diagnostic thresholds, on the 160×90 sample, calibrated on the picture corpus that CorpusDiagnosisTest makes with
     * Debian's ffmpeg (and checked on the simulator's pictures, DiagnosisTest). "The view's normal" is the camera's
     * learned baseline; until it has one, the fleet-wide figure applies.
     */
    interface Limits {
        /** Black: mean luma below this … */
        @WithDefault("20")
        double blackMean();

        /** … and spread below this. */
        @WithDefault("1.5")
        double blackSpread();

        /** Too dark: mean luma below this … */
        @WithDefault("45")
        double darkMean();

        /** … and below this share of the view's normal (a night street is dark by nature) … */
        @WithDefault("0.6")
        double darkRatio();

        /** … or below this whatever the view's normal. */
        @WithDefault("25")
        double darkFloor();

        /** Overexposed: mean luma above this … */
        @WithDefault("170")
        double brightMean();

        /** … with even the darkest tenth of the picture above this luma (washed out) … */
        @WithDefault("100")
        double brightFloor();

        /** … or this share of pixels clipped white. */
        @WithDefault("0.35")
        double brightShare();

        /** Low contrast: luma spread below this until a baseline is learned … */
        @WithDefault("18")
        double contrastSpread();

        /** … then below this share of the view's normal spread. */
        @WithDefault("0.5")
        double contrastRatio();

        /** Blurred: sharpness (variance of the Laplacian over luma variance) below this until a baseline is learned … */
        @WithDefault("0.05")
        double blurSharpness();

        /** … then below this share of the view's normal sharpness. */
        @WithDefault("0.25")
        double blurRatio();

        /** Frozen when less than this share of pixels changed over the frozen window. */
        @WithDefault("0.008")
        double frozenChangedShare();

        /** Colour cast, until a baseline is learned: Lab offset over dispersion above this … */
        @WithDefault("1.5")
        double castRatio();

        /** … with an offset of at least this; or an offset above {@link #castStrong()} whatever the dispersion. */
        @WithDefault("12")
        double castDistance();

        @WithDefault("40")
        double castStrong();

        /** Colour cast, once a baseline is learned: the mean colour moved this far (Lab a*b*) from the view's normal. */
        @WithDefault("15")
        double castShift();

        /** Noise: σ (luma levels) of the flattest fifth of the picture above this … */
        @WithDefault("12")
        double noiseSigma();

        /** … and above this multiple of the view's normal grain. */
        @WithDefault("2.5")
        double noiseRatio();

        /** Occluded: one flat region over this share of the view … */
        @WithDefault("0.45")
        double occludedShare();

        /** … and this much more of it than the view's normal. */
        @WithDefault("0.3")
        double occludedGrowth();

        /** Stripes: bands at least this deep (luma levels) in both halves of the picture … */
        @WithDefault("4")
        double stripeAmplitude();

        /** … and this many times deeper than the view's own row pattern. */
        @WithDefault("2")
        double stripeRatio();

        /** Scene changed: histogram distance from the baseline above this (0–1). */
        @WithDefault("0.45")
        double sceneDistance();

        /**
         * Inter frames over the frozen window that carry at least this many slice bits per pixel each, and at least
         * {@link #frozenMotionShare()} of the keyframe's size, show a moving picture and are not decoded; otherwise (a
         * still or frozen picture, an intra-only stream, a codec other than H.264/H.265) they are decoded and compared.
         * A large value compares every time.
         */
        @WithDefault("0.01")
        double frozenMotionBits();

        /** See {@link #frozenMotionBits()}: a frozen encoder's refinement and grain stay far below its keyframe. */
        @WithDefault("0.05")
        double frozenMotionShare();

        default Diagnostics.Thresholds toThresholds() {
            return new Diagnostics.Thresholds(blackMean(), blackSpread(), darkMean(), darkFloor(), darkRatio(), brightMean(), brightFloor(),
                    brightShare(), contrastSpread(), contrastRatio(), blurSharpness(), blurRatio(), frozenChangedShare(), castRatio(), castDistance(),
                    castStrong(), castShift(), noiseSigma(), noiseRatio(), occludedShare(), occludedGrowth(), stripeAmplitude(), stripeRatio(),
                    sceneDistance(), frozenMotionBits(), frozenMotionShare());
        }
    }
}
