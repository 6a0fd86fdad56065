package city.vigil.coverage;

/** A grid (网格, the smallest area): its code and path. */
record GridSpec(String code, String path) {
}
