package city.vigil.area;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** An area as clients see it; {@code ancestors} (root first) only on single reads. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AreaView(String code, String name, AreaLevel level, String parentCode, List<Ref> ancestors,
                       BigDecimal landAreaKm2, JsonNode boundary, long version, OffsetDateTime createdAt,
                       OffsetDateTime updatedAt) {

    /** A short reference to an area. */
    public record Ref(String code, String name, AreaLevel level) {
    }

    static AreaView of(Area a, List<Ref> ancestors) {
        return new AreaView(a.code, a.name, a.level, a.parentCode, ancestors, a.landAreaKm2, a.boundary, a.version,
                a.createdAt, a.updatedAt);
    }

    static AreaView brief(Area a) {
        return of(a, null);
    }
}
