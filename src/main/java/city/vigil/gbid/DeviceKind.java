package city.vigil.gbid;

import java.util.Set;

/** The registry's resource kinds and the GB/T 28181 type codes each accepts. */
public enum DeviceKind {
    CAMERA(Set.of(131, 132)),
    CHECKPOINT(Set.of(121)),
    /** NVR/DVR/encoder/platform a camera hangs off (DESIGN §1: NVR, encoder or platform). */
    PARENT_DEVICE(Set.of(111, 113, 118, 200));

    public final Set<Integer> typeCodes;

    DeviceKind(Set<Integer> typeCodes) {
        this.typeCodes = typeCodes;
    }

    public String describeAllowed() {
        return typeCodes.stream().sorted().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
    }
}
