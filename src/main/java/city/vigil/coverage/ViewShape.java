package city.vigil.coverage;

/**
 * What a camera sees, on the ground, in metres around it: a sector (azimuth clockwise from north, horizontal field of
 * view, view distance) or a full circle. Positions are projected onto a local plane around the camera
 * (equirectangular: within a few hundred metres the error is centimetres), so containment is plain trigonometry.
 *
 * @param azimuth degrees clockwise from north, or NaN for a full circle
 * @param fov degrees (360 = full circle)
 */
public record ViewShape(double lat, double lon, double azimuth, double fov, double distance) {
    static final double METRES_PER_DEGREE_LAT = 110_574;
    static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;

    /**
     * Defaults when a camera's ledger lacks a direction, field of view or distance, by camera type (DESIGN §1
     * types): a dome or remote camera turns, so it counts as a circle of its reach; a fixed bullet looks one way.
     */
    static double defaultDistance(Integer cameraType) {
        if (cameraType == null) {
            return 50;
        }
        return switch (cameraType) {
            case 1 -> 100;   // 球机 PTZ dome: zooms far, turns all round
            case 2, 5 -> 30; // 半球 half-dome: wide, short, indoor or eaves
            case 3 -> 60;    // 固定枪机 fixed bullet
            case 4 -> 80;    // 遥控枪机 remote bullet
            case 6, 7 -> 120; // 多目 multi-sensor panorama
            default -> 50;
        };
    }

    /** Types whose view turns or spans all round count as a circle when their direction is unknown. */
    static boolean turns(Integer cameraType) {
        return cameraType != null && (cameraType == 1 || cameraType == 2 || cameraType == 4 || cameraType == 5 || cameraType == 6);
    }

    /**
     * The shape from a camera's ledger: a sector when it has an azimuth and a field of view below 360°, else a
     * circle of its view distance (or its type's default reach). A fixed camera without a direction is taken as a
     * circle too: which way it looks is unknown, so no direction is better than a guessed one.
     */
    public static ViewShape of(double lat, double lon, Double azimuth, Double fovDeg, Double distanceM, Integer cameraType) {
        double distance = distanceM != null ? distanceM : defaultDistance(cameraType);
        boolean sector = azimuth != null && fovDeg != null && fovDeg < 360;
        return new ViewShape(lat, lon, sector ? normalize(azimuth) : Double.NaN, sector ? fovDeg : 360, distance);
    }

    public boolean isCircle() {
        return Double.isNaN(azimuth);
    }

    /** Metres east and north of this camera to the point. */
    double[] offset(double pLat, double pLon) {
        double east = (pLon - lon) * METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians((lat + pLat) / 2));
        double north = (pLat - lat) * METRES_PER_DEGREE_LAT;
        return new double[] {east, north};
    }

    /** Metres from the camera to the point. */
    public double distanceTo(double pLat, double pLon) {
        double[] o = offset(pLat, pLon);
        return Math.hypot(o[0], o[1]);
    }

    /** Compass bearing from the camera to the point, degrees clockwise from north in [0, 360). */
    public double bearingTo(double pLat, double pLon) {
        double[] o = offset(pLat, pLon);
        return normalize(Math.toDegrees(Math.atan2(o[0], o[1])));
    }

    /** Whether a point is in view. */
    public boolean sees(double pLat, double pLon) {
        return sees(pLat, pLon, 0);
    }

    /**
     * Whether any of a disc of {@code radius} metres around the point is in view: within reach of its edge, and, for a
     * sector, within the field of view widened by the angle the disc spans from the camera.
     */
    public boolean sees(double pLat, double pLon, double radius) {
        double d = distanceTo(pLat, pLon);
        if (d > distance + radius) {
            return false;
        }
        if (isCircle() || d <= radius) {
            return true;
        }
        double half = fov / 2 + Math.toDegrees(Math.asin(Math.min(1, radius / d)));
        return angleBetween(bearingTo(pLat, pLon), azimuth) <= half;
    }

    /** The smaller angle between two bearings, 0–180°, across north as well (350° and 10° are 20° apart). */
    static double angleBetween(double a, double b) {
        double diff = Math.abs(normalize(a) - normalize(b));
        return diff > 180 ? 360 - diff : diff;
    }

    static double normalize(double degrees) {
        double d = degrees % 360;
        return d < 0 ? d + 360 : d;
    }

    /** The sector (or circle) as a closed ring of lon/lat points for maps, {@code steps} points along the arc. */
    public double[][] ring(int steps) {
        double from = isCircle() ? 0 : azimuth - fov / 2;
        double span = isCircle() ? 360 : fov;
        java.util.List<double[]> points = new java.util.ArrayList<>();
        if (!isCircle()) {
            points.add(new double[] {lon, lat});
        }
        for (int i = 0; i <= steps; i++) {
            double bearing = Math.toRadians(from + span * i / steps);
            double north = distance * Math.cos(bearing);
            double east = distance * Math.sin(bearing);
            points.add(new double[] {lon + east / (METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(lat))), lat + north / METRES_PER_DEGREE_LAT});
        }
        points.add(points.get(0));
        return points.toArray(new double[0][]);
    }
}
