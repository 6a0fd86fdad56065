package city.vigil.coverage;

/** A key site as coverage needs it: where it is (centre, radius in metres) and its rule. */
record SiteSpec(String code, String name, String category, String areaPath, double lat, double lon, double radius, int minOnline,
                int maxPointClass) {
}
