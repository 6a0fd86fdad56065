package city.vigil.deep;

import city.vigil.probe.ImageFault;

/**
 * One diagnostic's finding: the measured score against its threshold, whether it counts as the fault, how sure
 * (0–1, by how far the score is past the threshold), and the evidence in words an operator can check.
 */
public record Verdict(ImageFault fault, boolean failed, double score, double threshold, double confidence, String evidence) {

    static Verdict over(ImageFault fault, double score, double threshold, double scale, String evidence) {
        boolean failed = score > threshold;
        return new Verdict(fault, failed, round(score), threshold, confidence(Math.abs(score - threshold) / scale), evidence);
    }

    static Verdict under(ImageFault fault, double score, double threshold, double scale, String evidence) {
        boolean failed = score < threshold;
        return new Verdict(fault, failed, round(score), threshold, confidence(Math.abs(score - threshold) / scale), evidence);
    }

    /** Suppressed by a stronger finding (signal loss, black): reported for the record, never failed. */
    Verdict suppressedBy(ImageFault stronger) {
        return new Verdict(fault, false, score, threshold, 0, "not judged: " + stronger.name().toLowerCase());
    }

    private static double confidence(double distance) {
        return round(Math.min(1, 0.5 + distance / 2));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
