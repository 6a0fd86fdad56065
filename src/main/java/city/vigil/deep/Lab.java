package city.vigil.deep;

/** sRGB (D65) to CIE L*a*b*, for colour-cast measurement. */
final class Lab {
    private static final double[] LINEAR = new double[256];
    /** f(t) on [0, 1] in steps of 1/4096, interpolated: a cube root per channel per pixel was a tenth of a check's CPU. */
    private static final int STEPS = 4096;
    private static final double[] F = new double[STEPS + 2];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        for (int i = 0; i < F.length; i++) {
            F[i] = exactF(i / (double) STEPS);
        }
    }

    private Lab() {
    }

    static double[] of(int r, int g, int b) {
        double lr = LINEAR[r];
        double lg = LINEAR[g];
        double lb = LINEAR[b];
        double x = (0.4124 * lr + 0.3576 * lg + 0.1805 * lb) / 0.95047;
        double y = 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
        double z = (0.0193 * lr + 0.1192 * lg + 0.9505 * lb) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    static double f(double t) {
        double at = Math.max(0, Math.min(1, t)) * STEPS;
        int i = (int) at;
        double frac = at - i;
        return F[i] + (F[i + 1] - F[i]) * frac;
    }

    static double exactF(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
