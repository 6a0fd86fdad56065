package city.vigil.camera;

import city.vigil.platform.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One camera channel of the network, keyed by its GB/T 28181 ID. */
@Entity
public class Camera extends Versioned {

    @Id
    @Column(name = "gb_id")
    public String gbId;
    public String name;
    @Column(name = "point_class")
    public int pointClass;
    @Column(name = "camera_type")
    public Integer cameraType;
    public Double lat;
    public Double lon;
    @Column(name = "direction_code")
    public Integer directionCode;
    @Column(name = "azimuth_deg")
    public Double azimuthDeg;
    @Column(name = "h_fov_deg")
    public Double hFovDeg;
    @Column(name = "view_distance_m")
    public Double viewDistanceM;
    public String address;
    @Column(name = "area_code")
    public String areaCode;
    @Column(name = "area_path")
    public String areaPath;
    @Column(name = "owner_unit")
    public String ownerUnit;
    @Column(name = "maintainer_unit")
    public String maintainerUnit;
    public String contact;
    public boolean networked;
    @Enumerated(EnumType.STRING)
    public Lifecycle lifecycle = Lifecycle.IN_USE;
    @Column(name = "installed_on")
    public LocalDate installedOn;
    @Column(name = "record_days")
    public Integer recordDays;
    @Column(name = "parent_gb_id")
    public String parentGbId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags = new ArrayList<>();
    @Column(name = "main_url")
    public String mainUrl;
    @Enumerated(EnumType.STRING)
    @Column(name = "main_protocol")
    public StreamProtocol mainProtocol;
    @Column(name = "main_credentials")
    public byte[] mainCredentials;
    @Column(name = "sub_url")
    public String subUrl;
    @Enumerated(EnumType.STRING)
    @Column(name = "sub_protocol")
    public StreamProtocol subProtocol;
    @Column(name = "sub_credentials")
    public byte[] subCredentials;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "missing_fields")
    public List<String> missingFields = new ArrayList<>();
    /** What the record's last write warned of (its GB ID's division against its area). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "warnings")
    public List<String> warnings = new ArrayList<>();

    public static Optional<Camera> findByGbId(String gbId) {
        return gbId == null ? Optional.empty() : findByIdOptional(gbId);
    }
}
