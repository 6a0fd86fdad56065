package city.vigil.camera;

import java.util.List;

/** Filters shared by the camera list, counts and export; null or empty means "any". */
public record CameraFilter(String area, List<Integer> pointClasses, Lifecycle lifecycle, String ownerUnit,
                           String maintainerUnit, Boolean networked, String tag, String text, double[] bbox,
                           Boolean incomplete, String parentGbId, Boolean warned) {

    public static CameraFilter none() {
        return new CameraFilter(null, List.of(), null, null, null, null, null, null, null, null, null, null);
    }
}
