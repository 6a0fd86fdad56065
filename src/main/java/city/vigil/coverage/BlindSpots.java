package city.vigil.coverage;

import java.time.Instant;
import java.util.List;

/** Uncovered sites and grids now, each with the channels whose state decides it and since when it is uncovered. */
public record BlindSpots(String area, Instant at, long uncoveredSites, long uncoveredGrids, List<SiteGap> sites, List<GridGap> grids) {

    public record Channel(String gbId, int pointClass, String state, Instant since, String cause) {
    }

    public record SiteGap(String code, String name, String category, String areaCode, Instant since, int onlineCameras, int required,
                          int maxPointClass, List<Channel> cameras) {
    }

    public record GridGap(String code, String areaPath, Instant since, List<Channel> cameras) {
    }
}
