package city.vigil.camera;

/** 监视方位 codes of the camera archive (1 东 … 8 西北, 9 全向) and the compass azimuth each stands for. */
public final class Direction {
    private static final double[] AZIMUTH = {Double.NaN, 90, 270, 180, 0, 135, 45, 225, 315, Double.NaN};

    private Direction() {
    }

    /** Azimuth in degrees clockwise from north for codes 1–8; null for 9 (all directions) or no code. */
    public static Double azimuthOf(Integer code) {
        if (code == null || code < 1 || code > 8) {
            return null;
        }
        return AZIMUTH[code];
    }
}
