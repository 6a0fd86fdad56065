package city.vigil.deep;

import java.nio.ByteBuffer;

/**
 * What Vigil remembers of a camera's normal view, in 800 bytes: its layout (a standardised 16×9 grid of luma, see
 * {@link PictureMeasures}) for scene change, the figures the scene sets by nature ({@link Scene}), so a view dark, flat,
 * soft or tinted by nature is judged against itself rather than against every camera, and a 48-bin colour histogram
 * (all that baselines learned before them kept: scene change then compares histograms). An operator resets the
 * baseline when a camera is re-aimed or repaired on purpose.
 */
public record Fingerprint(float[] histogram, Scene scene, float[] layout) {
    static final int BINS = 16;
    private static final int HISTOGRAM_BYTES = BINS * 3 * 4;
    private static final int SCENE_VALUES = 8;
    private static final int LAYOUT_VALUES = PictureMeasures.LAYOUT_COLUMNS * PictureMeasures.LAYOUT_ROWS;
    private static final int FULL_BYTES = HISTOGRAM_BYTES + (SCENE_VALUES + LAYOUT_VALUES) * 4;

    /**
     * The scene's own figures (see {@link PictureMeasures}); null in a baseline learned before they were kept, which
     * is then judged by the fleet-wide thresholds alone.
     */
    public record Scene(double meanLuma, double spread, double sharpness, double noise, double flatShare, double meanA, double meanB,
                        double stripeDepth) {
        static Scene of(PictureMeasures m) {
            return new Scene(m.meanLuma(), m.spread(), m.sharpness(), m.noise(), m.flatShare(), m.meanA(), m.meanB(), m.stripeDepth());
        }
    }

    public static Fingerprint of(FrameSample f) {
        return of(f, PictureMeasures.of(f));
    }

    static Fingerprint of(FrameSample f, PictureMeasures m) {
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
        return new Fingerprint(histogram, Scene.of(m), m.layout());
    }

    /**
     * How far another picture's view is from this one: one minus the correlation of their layouts (0 the same view,
     * whatever its exposure or colour; 1 unrelated); for a baseline without a layout, the histogram distance.
     */
    double viewDistance(Fingerprint picture) {
        return layout == null ? histogramDistance(picture) : 1 - PictureMeasures.layoutCorrelation(layout, picture.layout);
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
        ByteBuffer buf = ByteBuffer.allocate(scene == null ? HISTOGRAM_BYTES : FULL_BYTES);
        for (float v : histogram) {
            buf.putFloat(v);
        }
        if (scene != null) {
            for (double v : new double[] {scene.meanLuma(), scene.spread(), scene.sharpness(), scene.noise(), scene.flatShare(), scene.meanA(),
                    scene.meanB(), scene.stripeDepth()}) {
                buf.putFloat((float) v);
            }
            for (float v : layout) {
                buf.putFloat(v);
            }
        }
        return buf.array();
    }

    /** Null when the bytes are not a fingerprint (none stored yet); a histogram alone is an older one. */
    public static Fingerprint fromBytes(byte[] bytes) {
        if (bytes == null || (bytes.length != HISTOGRAM_BYTES && bytes.length != FULL_BYTES)) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        float[] histogram = new float[BINS * 3];
        for (int i = 0; i < histogram.length; i++) {
            histogram[i] = buf.getFloat();
        }
        if (!buf.hasRemaining()) {
            return new Fingerprint(histogram, null, null);
        }
        double[] v = new double[SCENE_VALUES];
        for (int i = 0; i < v.length; i++) {
            v[i] = buf.getFloat();
        }
        float[] layout = new float[LAYOUT_VALUES];
        for (int i = 0; i < layout.length; i++) {
            layout[i] = buf.getFloat();
        }
        return new Fingerprint(histogram, new Scene(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]), layout);
    }
}
