package city.vigil.checkpoint;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A lane of a checkpoint (GA/T 1400 Lane): numbered left to right in the direction of travel. */
@Embeddable
public class Lane {
    @Column(name = "lane_no")
    public int laneNo;
    public String direction;
    /** 1 into the city, 2 out of the city, 3 neither, 4 both. */
    @Column(name = "city_pass")
    public Integer cityPass;
    @Column(name = "capture_camera_gb_id")
    public String captureCameraGbId;
    @Column(name = "max_speed_kmh")
    public Integer maxSpeedKmh;

    @Override
    public boolean equals(Object o) {
        return o instanceof Lane l && laneNo == l.laneNo && java.util.Objects.equals(direction, l.direction)
                && java.util.Objects.equals(cityPass, l.cityPass) && java.util.Objects.equals(captureCameraGbId, l.captureCameraGbId)
                && java.util.Objects.equals(maxSpeedKmh, l.maxSpeedKmh);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(laneNo, direction, cityPass, captureCameraGbId, maxSpeedKmh);
    }
}
