package city.vigil.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Camera views on the ground: sectors across north, distances, the fallback circle. */
class ViewShapeTest {
    private static final double LAT = 23.137;
    private static final double LON = 113.327;
    /** Degrees of latitude / longitude per metre here. */
    private static final double DLAT = 1 / ViewShape.METRES_PER_DEGREE_LAT;
    private static final double DLON = 1 / (ViewShape.METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(LAT)));

    /** A point {@code metres} away on compass {@code bearing}. */
    private static double[] at(double bearing, double metres) {
        double b = Math.toRadians(bearing);
        return new double[] {LAT + metres * Math.cos(b) * DLAT, LON + metres * Math.sin(b) * DLON};
    }

    @Test
    void distances_and_bearings_in_metres_match_the_ground() {
        ViewShape v = ViewShape.of(LAT, LON, 0.0, 60.0, 80.0, 3);
        double[] east = at(90, 50);
        assertThat(v.distanceTo(east[0], east[1])).isCloseTo(50, within(0.05));
        assertThat(v.bearingTo(east[0], east[1])).isCloseTo(90, within(0.01));
        double[] southWest = at(225, 120);
        assertThat(v.distanceTo(southWest[0], southWest[1])).isCloseTo(120, within(0.1));
        assertThat(v.bearingTo(southWest[0], southWest[1])).isCloseTo(225, within(0.01));
    }

    @Test
    void a_sector_facing_north_sees_both_sides_of_north_and_nothing_behind() {
        ViewShape north = ViewShape.of(LAT, LON, 0.0, 60.0, 80.0, 3);
        double[] left = at(335, 40);
        double[] right = at(25, 40);
        double[] justOutside = at(31, 40);
        double[] behind = at(180, 10);
        double[] tooFar = at(0, 81);
        assertThat(north.sees(left[0], left[1])).as("335°, 25° left of north").isTrue();
        assertThat(north.sees(right[0], right[1])).as("25°").isTrue();
        assertThat(north.sees(justOutside[0], justOutside[1])).as("31°, outside the 60° view").isFalse();
        assertThat(north.sees(behind[0], behind[1])).isFalse();
        assertThat(north.sees(tooFar[0], tooFar[1])).isFalse();
    }

    @Test
    void a_sector_facing_just_left_of_north_wraps_across_zero() {
        ViewShape v = ViewShape.of(LAT, LON, 350.0, 40.0, 100.0, 3);
        double[] east = at(8, 50);
        double[] west = at(332, 50);
        double[] outside = at(12, 50);
        assertThat(v.sees(east[0], east[1])).as("8°: 18° from 350° across north").isTrue();
        assertThat(v.sees(west[0], west[1])).isTrue();
        assertThat(v.sees(outside[0], outside[1])).as("12°: 22° away").isFalse();
        assertThat(ViewShape.angleBetween(355, 5)).isEqualTo(10);
        assertThat(ViewShape.angleBetween(-10, 370)).isEqualTo(20);
    }

    @Test
    void a_site_disc_counts_when_its_edge_is_in_view() {
        ViewShape v = ViewShape.of(LAT, LON, 90.0, 30.0, 60.0, 3);
        double[] site = at(120, 70);
        assertThat(v.sees(site[0], site[1])).as("its centre is neither in reach nor in the view").isFalse();
        assertThat(v.sees(site[0], site[1], 40)).as("a 40 m site reaches into both").isTrue();
    }

    @Test
    void without_direction_or_distance_the_camera_types_reach_is_a_circle() {
        ViewShape dome = ViewShape.of(LAT, LON, null, null, null, 1);
        assertThat(dome.isCircle()).isTrue();
        assertThat(dome.distance()).isEqualTo(100);
        double[] behind = at(200, 90);
        assertThat(dome.sees(behind[0], behind[1])).isTrue();
        ViewShape bullet = ViewShape.of(LAT, LON, null, 60.0, null, 3);
        assertThat(bullet.isCircle()).as("direction unknown: no guess").isTrue();
        assertThat(bullet.distance()).isEqualTo(60);
        assertThat(ViewShape.of(LAT, LON, 45.0, 360.0, 30.0, 6).isCircle()).as("a 360° panorama").isTrue();
    }

    @Test
    void a_site_drawn_as_a_polygon_counts_as_the_disc_around_its_vertices() {
        double[] north = at(0, 100);
        double[] south = at(180, 100);
        double[] east = at(90, 100);
        double[] west = at(270, 100);
        String polygon = String.format(java.util.Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
                north[1], north[0], east[1], east[0], south[1], south[0], west[1], west[0]);
        double[] disc = CoverageLoader.disc(polygon);
        assertThat(disc[0]).isCloseTo(LAT, within(1e-6));
        assertThat(disc[1]).isCloseTo(LON, within(1e-6));
        assertThat(disc[2]).isCloseTo(100, within(0.5));
        assertThat(CoverageLoader.disc("{\"type\":\"Polygon\",\"coordinates\":[]}")).isNull();
    }
}
