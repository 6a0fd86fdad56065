package city.vigil.deep;

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
    String stream();

    Limits thresholds();

    /** Diagnostic thresholds, on the 160×90 sample (tuned on the simulator's pictures; see DiagnosisTest). */
    interface Limits {
        /** Black: mean luma below this … */
        @WithDefault("20")
        double blackMean();

        /** … and spread below this. */
        @WithDefault("1.5")
        double blackSpread();

        @WithDefault("45")
        double darkMean();

        @WithDefault("215")
        double brightMean();

        /** Overexposed also when this share of pixels is clipped white. */
        @WithDefault("0.35")
        double brightShare();

        @WithDefault("18")
        double contrastSpread();

        /** Blurred below this variance of the Laplacian. */
        @WithDefault("300")
        double blurLaplacian();

        /** Frozen when less than this share of pixels changed over the frozen window. */
        @WithDefault("0.008")
        double frozenChangedShare();

        /** Colour cast: Lab offset over dispersion above this … */
        @WithDefault("1.5")
        double castRatio();

        /** … with an offset of at least this. */
        @WithDefault("12")
        double castDistance();

        /** Noise: mean neighbour difference above this. */
        @WithDefault("30")
        double noiseGradient();

        /** Occluded: one flat region over this share of the view. */
        @WithDefault("0.45")
        double occludedShare();

        /** Stripes: bands at least this deep (luma levels) in both halves of the picture. */
        @WithDefault("4")
        double stripeAmplitude();

        /** Scene changed: histogram distance from the baseline above this (0–1). */
        @WithDefault("0.45")
        double sceneDistance();

        /**
         * Frames over the frozen window whose slices carry at least this many bits per pixel each show a moving picture
         * and are not decoded; below it (a still picture, or a frozen one) they are decoded and compared, as are
         * intra-only streams and codecs other than H.264/H.265 whatever this says. A large value compares every time.
         */
        @WithDefault("0.01")
        double frozenMotionBits();

        default Diagnostics.Thresholds toThresholds() {
            return new Diagnostics.Thresholds(blackMean(), blackSpread(), darkMean(), brightMean(), brightShare(), contrastSpread(),
                    blurLaplacian(), frozenChangedShare(), castRatio(), castDistance(), noiseGradient(), occludedShare(), stripeAmplitude(), sceneDistance(),
                    frozenMotionBits());
        }
    }
}
