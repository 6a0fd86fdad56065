package city.vigil.site;

import com.fasterxml.jackson.databind.JsonNode;
import city.vigil.platform.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A key site that must be covered: a point with a radius or a polygon, and its coverage rule. */
@Entity
public class Site extends Versioned {

    @Id
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public SiteCategory category;
    public Double lat;
    public Double lon;
    @Column(name = "radius_m")
    public Double radiusM;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode polygon;
    @Column(name = "area_code")
    public String areaCode;
    @Column(name = "area_path")
    public String areaPath;
    /** Rule: at least this many ONLINE cameras must see the site … */
    @Column(name = "min_online_cameras")
    public int minOnlineCameras = 1;
    /** … of this point class or better (1 is best). */
    @Column(name = "max_point_class")
    public int maxPointClass = 3;

    public static Optional<Site> findByCode(String code) {
        return code == null ? Optional.empty() : findByIdOptional(code);
    }
}
