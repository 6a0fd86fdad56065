package city.vigil.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The map's geometry: hulls of camera positions, boundaries, the projection to SVG and the shading of rates. */
class MapViewTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void the_hull_of_cameras_keeps_the_corners_and_drops_the_inside() {
        List<double[]> hull = MapView.hull(List.of(new double[] {113.0, 23.0}, new double[] {113.2, 23.0}, new double[] {113.1, 23.05},
                new double[] {113.2, 23.2}, new double[] {113.0, 23.2}, new double[] {113.1, 23.1}));
        assertThat(hull).hasSize(4).noneMatch(p -> p[0] == 113.1);
        assertThat(MapView.hull(List.of(new double[] {113.0, 23.0}, new double[] {113.1, 23.1}))).as("two cameras make no area").hasSize(2);
    }

    @Test
    void reads_the_outer_ring_of_a_polygon_or_of_a_multipolygons_first_part() throws Exception {
        JsonNode polygon = json.readTree("{\"type\":\"Polygon\",\"coordinates\":[[[113,23],[113.1,23],[113.1,23.1],[113,23]],[[113.02,23.02],[113.03,23.02],[113.03,23.03],[113.02,23.02]]]}");
        assertThat(MapView.ring(polygon)).hasSize(4).first().satisfies(p -> assertThat(p).containsExactly(113.0, 23.0));
        JsonNode multi = json.readTree("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[114,22],[114.1,22],[114.1,22.1],[114,22]]]]}");
        assertThat(MapView.ring(multi)).hasSize(4).first().satisfies(p -> assertThat(p).containsExactly(114.0, 22.0));
    }

    @Test
    void draws_areas_shaded_by_rate_with_the_rate_written_and_north_up() throws Exception {
        JsonNode geo = json.readTree("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[113.05,23.15]},"properties":{"kind":"camera","gbId":"44010600001320000001","state":"OFFLINE"}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[113.15,23.05]},"properties":{"kind":"site","code":"S1","name":"学校","covered":false}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[113.1,23.1]},"properties":{"kind":"cluster","cameras":10,"online":4,"degraded":0,"down":1,"unknown":5}}
                ],"properties":{"clustered":false}}""");
        Map<String, List<double[]>> outlines = Map.of("A", List.of(new double[] {113.0, 23.0}, new double[] {113.2, 23.0}, new double[] {113.2, 23.2}),
                "B", List.of(new double[] {113.0, 23.0}, new double[] {113.1, 23.1}));
        MapView map = MapView.draw(geo, outlines, Map.of("A", "天河区", "B", "越秀区"), Map.of("A", 0.93), true, java.time.Instant.now());

        assertThat(map.areas()).as("an outline needs three points").singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("天河区");
            assertThat(a.band()).isEqualTo("poor");
            assertThat(a.path()).startsWith("M").endsWith("Z");
        });
        MapView.Dot camera = map.cameras().get(0);
        MapView.Site site = map.sites().get(0);
        assertThat(Double.parseDouble(camera.cy())).as("north is up: the camera further north is higher").isLessThan(Double.parseDouble(site.cy()));
        assertThat(Double.parseDouble(camera.cx())).isLessThan(Double.parseDouble(site.cx()));
        assertThat(site.covered()).isFalse();
        assertThat(map.clusters().get(0).band()).as("1 down of 5 known: 80%; the 5 unknown are not down").isEqualTo("bad");
        assertThat(map.width()).isEqualTo(1000);
        assertThat(map.height()).as("square in degrees at 23°N is taller than wide after the cosine").isGreaterThan(1000);
    }

    @Test
    void bands_follow_the_targets_and_no_figure_is_grey() {
        assertThat(MapView.band(0.99)).isEqualTo("good");
        assertThat(MapView.band(0.96)).isEqualTo("fair");
        assertThat(MapView.band(0.91)).isEqualTo("poor");
        assertThat(MapView.band(0.5)).isEqualTo("bad");
        assertThat(MapView.band(null)).isEqualTo("none");
    }
}
