package city.vigil.maintenance;

import city.vigil.platform.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Planned work: channels in its scope leave the rates and open no outages while it is active. */
@Entity
@Table(name = "maintenance_window")
public class MaintenanceWindow extends Versioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String reason;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Enumerated(EnumType.STRING)
    public Recurrence recurrence = Recurrence.NONE;
    public Instant until;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "gb_ids")
    public List<String> gbIds = new ArrayList<>();
    @Column(name = "area_code")
    public String areaCode;
    @Column(name = "area_path")
    public String areaPath;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "point_classes")
    public List<Integer> pointClasses = new ArrayList<>();
    @Column(name = "maintainer_unit")
    public String maintainerUnit;
    @Column(name = "created_by")
    public String createdBy;

    public MaintenanceRule rule() {
        return new MaintenanceRule(id, startsAt, endsAt, recurrence, until, java.util.Set.copyOf(gbIds), areaPath,
                java.util.Set.copyOf(pointClasses), maintainerUnit);
    }
}
