package city.vigil.area;

import com.fasterxml.jackson.databind.JsonNode;
import city.vigil.platform.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A node of the administrative tree: city, district, street, community or grid. */
@Entity
public class Area extends Versioned {

    @Id
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public AreaLevel level;
    @Column(name = "parent_code")
    public String parentCode;
    /** Codes from the root down to this area, each followed by '/': a subtree is a prefix. */
    public String path;
    @Column(name = "land_area_km2")
    public BigDecimal landAreaKm2;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode boundary;

    public static Optional<Area> findByCode(String code) {
        return code == null ? Optional.empty() : findByIdOptional(code);
    }

    public static long countChildren(String code) {
        return count("parentCode", code);
    }
}
