package city.vigil.coverage;

/** A camera in service as coverage needs it: its class, its grid (when it sits in one) and its view (null without a position). */
record CameraSpec(String gbId, int pointClass, String areaPath, String gridPath, ViewShape view) {
}
