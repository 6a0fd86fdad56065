package city.vigil.deep;

import java.nio.ByteBuffer;

/**
 * What Vigil remembers of a camera's normal view, in 192 bytes: a 48-bin colour histogram (16 per channel). Scene
 * change compares a picture with the camera's learned baseline; an operator resets the baseline when a camera is
 * re-aimed on purpose.
 */
public record Fingerprint(float[] histogram) {
    static final int BINS = 16;

    public static Fingerprint of(FrameSample f) {
        float[] histogram = new float[BINS * 3];
        int n = f.pixels();
        for (int i = 0; i < n; i++) {
            histogram[f.r(i) * BINS / 256]++;
            histogram[BINS + f.g(i) * BINS / 256]++;
            histogram[2 * BINS + f.b(i) * BINS / 256]++;
        }
        for (int i = 0; i < histogram.length; i++) {
            histogram[i] /= n;
        }
        return new Fingerprint(histogram);
    }

    /** Half the L1 distance of the per-channel histograms, averaged: 0 same, 1 disjoint. */
    double histogramDistance(Fingerprint o) {
        double sum = 0;
        for (int i = 0; i < histogram.length; i++) {
            sum += Math.abs(histogram[i] - o.histogram[i]);
        }
        return sum / 6;
    }

    public byte[] toBytes() {
        ByteBuffer buf = ByteBuffer.allocate(histogram.length * 4);
        for (float v : histogram) {
            buf.putFloat(v);
        }
        return buf.array();
    }

    /** Null when the bytes are not a fingerprint (none stored yet, or from another version). */
    public static Fingerprint fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != BINS * 3 * 4) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        float[] histogram = new float[BINS * 3];
        for (int i = 0; i < histogram.length; i++) {
            histogram[i] = buf.getFloat();
        }
        return new Fingerprint(histogram);
    }
}
