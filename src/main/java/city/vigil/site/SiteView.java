package city.vigil.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** A key site as clients see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SiteView(String code, String name, SiteCategory category, Double lat, Double lon, Double radiusM,
                       JsonNode polygon, String areaCode, SiteRequest.Rule rule, long version, OffsetDateTime createdAt,
                       OffsetDateTime updatedAt) {

    static SiteView of(Site s) {
        return new SiteView(s.code, s.name, s.category, s.lat, s.lon, s.radiusM, s.polygon, s.areaCode,
                new SiteRequest.Rule(s.minOnlineCameras, s.maxPointClass), s.version, s.createdAt, s.updatedAt);
    }
}
