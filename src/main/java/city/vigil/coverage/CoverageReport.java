package city.vigil.coverage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Coverage of an area now, in total and per group. Site coverage = covered sites / sites; grid coverage = grids with
 * an online camera / grids; effective coverage = intact channels (ONLINE, picture passed) / registered channels in
 * use; density = cameras in use per km² of land.
 */
public record CoverageReport(String area, String groupBy, Instant at, Instant builtAt, Row total, List<Row> groups) {

    public record Row(String key, String name, Long sites, Long coveredSites, Double siteCoverage, Long grids, Long coveredGrids, Double gridCoverage,
                      Long registered, Long online, Long intact, Double effectiveCoverage, Double landAreaKm2, Double density,
                      Map<String, Double> densityByClass) {
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1_000_000.0 / whole) / 1_000_000.0;
    }
}
