package city.vigil.checkpoint;

import city.vigil.camera.Lifecycle;
import city.vigil.platform.Versioned;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A road checkpoint system (卡口, GA/T 1400 Tollgate) with its lanes. */
@Entity
public class Checkpoint extends Versioned {

    @Id
    @Column(name = "gb_id")
    public String gbId;
    public String name;
    /** 80 public security, 81 traffic, 82 other. */
    public int usage;
    public Double lat;
    public Double lon;
    @Column(name = "place_code")
    public String placeCode;
    public String address;
    @Column(name = "area_code")
    public String areaCode;
    @Column(name = "area_path")
    public String areaPath;
    @Enumerated(EnumType.STRING)
    public Lifecycle lifecycle = Lifecycle.IN_USE;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "checkpoint_lane", joinColumns = @JoinColumn(name = "checkpoint_gb_id"))
    @OrderBy("laneNo")
    public List<Lane> lanes = new ArrayList<>();

    public static Optional<Checkpoint> findByGbId(String gbId) {
        return gbId == null ? Optional.empty() : findByIdOptional(gbId);
    }
}
