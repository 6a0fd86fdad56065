package city.vigil.outage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.area.Area;
import city.vigil.area.AreaService;
import city.vigil.platform.Scope;
import city.vigil.testsupport.Fixtures;
import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The figures the operator pages read from the outage history, on a street of its own in real PostgreSQL: the down
 * list's filters, order and pages; incidents by parent device; chronic offenders; unacknowledged outages per sub-area;
 * what was resolved since a time. A scoped caller sees nothing outside its subtree.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class OutageFiguresTest {
    private static final AtomicInteger STREETS = new AtomicInteger(900);

    @Inject
    OutageFigures figures;
    @Inject
    OutageStore store;
    @Inject
    AreaService areas;

    private String street;
    private String community;
    private Area area;
    private final Instant now = Instant.now();

    @BeforeEach
    void aStreetOfItsOwn() {
        street = "440106" + STREETS.incrementAndGet();
        community = street + "001";
        post(Map.of("code", street, "name", "测试街道" + street, "level", "STREET", "parentCode", "440106"));
        post(Map.of("code", community, "name", "测试社区", "level", "COMMUNITY", "parentCode", street));
        area = QuarkusTransaction.requiringNew().call(() -> areas.get(Scope.all(), street));
    }

    private static void post(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/areas").then().statusCode(201);
    }

    /** A camera registered under the community (with a parent device when given) and an outage of it. */
    private String down(int pointClass, String cause, Duration ago, String parent) {
        String id = Fixtures.cameraId();
        Map<String, Object> camera = Fixtures.with(Fixtures.with(Fixtures.camera(id), "areaCode", community), "pointClass", pointClass);
        if (parent != null) {
            camera = Fixtures.with(camera, "parentGbId", parent);
        }
        Fixtures.create(camera);
        store.open(id, area.path + community + "/", pointClass, cause, now.minus(ago));
        return id;
    }

    private List<OutageFigures.Down> downList(OutageFigures.DownFilter filter) {
        return QuarkusTransaction.requiringNew().call(() -> figures.down(Scope.all(), area, filter, 0, 50)).items();
    }

    private static OutageFigures.DownFilter any() {
        return new OutageFigures.DownFilter(null, List.of(), null, null);
    }

    @Test
    void lists_the_down_cameras_class_first_then_longest_down_and_filters_and_pages_them() {
        String class3Old = down(3, "TIMEOUT", Duration.ofHours(5), null);
        String class1New = down(1, "REFUSED", Duration.ofMinutes(2), null);
        String class1Old = down(1, "BLACK", Duration.ofHours(2), null);
        String class2 = down(2, "REFUSED", Duration.ofMinutes(30), null);

        assertThat(downList(any())).extracting(OutageFigures.Down::gbId).containsExactly(class1Old, class1New, class2, class3Old);
        assertThat(downList(new OutageFigures.DownFilter(1, List.of(), null, null))).extracting(OutageFigures.Down::gbId)
                .containsExactly(class1Old, class1New);
        assertThat(downList(new OutageFigures.DownFilter(null, List.of("REFUSED"), null, null))).extracting(OutageFigures.Down::gbId)
                .containsExactly(class1New, class2);
        assertThat(downList(new OutageFigures.DownFilter(null, List.of("REFUSED", "BLACK"), null, null)))
                .as("a liveness cause and an image fault together match nothing").isEmpty();
        assertThat(downList(new OutageFigures.DownFilter(null, List.of(), Duration.ofHours(1), null))).extracting(OutageFigures.Down::gbId)
                .containsExactly(class1Old, class3Old);

        long id = store.openOutage(class2).orElseThrow();
        assertThat(store.acknowledge(id, "值班员", "派单", now)).isTrue();
        assertThat(downList(new OutageFigures.DownFilter(null, List.of(), null, true))).extracting(OutageFigures.Down::gbId).containsExactly(class2);
        assertThat(downList(new OutageFigures.DownFilter(null, List.of(), null, false))).hasSize(3);

        OutageFigures.DownPage second = QuarkusTransaction.requiringNew().call(() -> figures.down(Scope.all(), area, any(), 2, 2));
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.items()).extracting(OutageFigures.Down::gbId).containsExactly(class2, class3Old);
        assertThat(second.items().get(0).name()).as("the camera's registered name").startsWith("天河路");

        Map<String, Long> unacked = QuarkusTransaction.requiringNew().call(() -> figures.unacknowledgedBelow(Scope.all(), area));
        assertThat(unacked).containsExactly(Map.entry(community, 3L));
        List<OutageFigures.CauseCount> causes = QuarkusTransaction.requiringNew().call(() -> figures.openByCause(Scope.all(), area));
        assertThat(causes).first().isEqualTo(new OutageFigures.CauseCount("REFUSED", 2, 1));

        Scope elsewhere = new Scope(List.of("440100/440103/"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> figures.down(Scope.all(), null, any(), 0, 500).items()))
                .extracting(OutageFigures.Down::gbId).contains(class1Old);
        assertThat(QuarkusTransaction.requiringNew().call(() -> figures.down(elsewhere, null, any(), 0, 500).items()))
                .extracting(OutageFigures.Down::gbId).as("a Liwan-scoped caller sees no Tianhe camera").doesNotContain(class1Old, class2);
    }

    @Test
    void an_incident_is_a_parent_device_down_with_the_cameras_behind_it() {
        // The monitor gives a parent that went down one outage under its own ID; its cameras have none of their own.
        String parent = Fixtures.gbId("44010600", "00", "118");
        for (int i = 0; i < 3; i++) {
            Fixtures.create(Fixtures.with(Fixtures.with(Fixtures.camera(Fixtures.cameraId()), "areaCode", community), "parentGbId", parent));
        }
        store.open(parent, area.path + community + "/", 2, "TIMEOUT", now.minus(Duration.ofMinutes(10)));
        down(3, "REFUSED", Duration.ofMinutes(9), Fixtures.gbId("44010600", "00", "118"));

        List<OutageFigures.Incident> incidents = QuarkusTransaction.requiringNew().call(() -> figures.incidents(Scope.all(), area));
        assertThat(incidents).as("a camera down on its own is no incident").singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("PARENT");
            assertThat(i.key()).isEqualTo(parent);
            assertThat(i.cameras()).isEqualTo(3);
            assertThat(i.areaCode()).isEqualTo(community);
        });
        store.close(parent, now);
        assertThat(QuarkusTransaction.requiringNew().call(() -> figures.incidents(Scope.all(), area))).as("back up: over").isEmpty();
    }

    @Test
    void chronic_offenders_by_outages_and_by_time_down_and_what_was_resolved_since() {
        String flapper = down(2, "TIMEOUT", Duration.ofDays(3), null);
        store.close(flapper, now.minus(Duration.ofDays(3)).plusSeconds(60));
        store.open(flapper, area.path + community + "/", 2, "TIMEOUT", now.minus(Duration.ofDays(2)));
        store.close(flapper, now.minus(Duration.ofDays(2)).plusSeconds(60));
        store.open(flapper, area.path + community + "/", 2, "TIMEOUT", now.minus(Duration.ofHours(1)));
        store.close(flapper, now.minus(Duration.ofMinutes(50)));
        String longDown = down(1, "REFUSED", Duration.ofDays(5), null);
        String blackOnly = down(1, "BLACK", Duration.ofDays(9), null);

        Instant monthAgo = now.minus(Duration.ofDays(30));
        List<OutageFigures.Offender> most = QuarkusTransaction.requiringNew().call(() -> figures.chronic(Scope.all(), area, monthAgo, 10, false));
        assertThat(most.get(0).gbId()).isEqualTo(flapper);
        assertThat(most.get(0).outages()).isEqualTo(3);
        List<OutageFigures.Offender> longest = QuarkusTransaction.requiringNew().call(() -> figures.chronic(Scope.all(), area, monthAgo, 10, true));
        assertThat(longest).extracting(OutageFigures.Offender::gbId).as("a black picture is not time down").containsExactly(longDown, flapper)
                .doesNotContain(blackOnly);
        assertThat(longest.get(0).availability()).isCloseTo(25.0 / 30, org.assertj.core.data.Offset.offset(0.01));

        List<OutageView> resolved = QuarkusTransaction.requiringNew().call(() -> figures.resolvedSince(Scope.all(), area, now.minus(Duration.ofHours(2)), 10));
        assertThat(resolved).extracting(OutageView::gbId).containsExactly(flapper);
        assertThat(QuarkusTransaction.requiringNew().call(() -> figures.countResolvedSince(Scope.all(), area, now.minus(Duration.ofDays(4)))))
                .isEqualTo(3);
    }
}
