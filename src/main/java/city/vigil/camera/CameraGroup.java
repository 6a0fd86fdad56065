package city.vigil.camera;

import city.vigil.area.AreaLevel;
import city.vigil.platform.ApiException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A dimension to count cameras by, with the SQL expression that yields its key. */
public enum CameraGroup {
    CITY("city", AreaLevel.CITY),
    DISTRICT("district", AreaLevel.DISTRICT),
    STREET("street", AreaLevel.STREET),
    COMMUNITY("community", AreaLevel.COMMUNITY),
    GRID("grid", AreaLevel.GRID),
    AREA("area", "area_code"),
    POINT_CLASS("pointClass", "point_class"),
    CAMERA_TYPE("cameraType", "camera_type"),
    LIFECYCLE("lifecycle", "lifecycle"),
    OWNER_UNIT("ownerUnit", "owner_unit"),
    MAINTAINER_UNIT("maintainerUnit", "maintainer_unit"),
    NETWORKED("networked", "networked");

    public final String param;
    public final String sql;
    /** The area level this group names, so its keys can be given names; null for other dimensions. */
    public final AreaLevel level;

    CameraGroup(String param, AreaLevel level) {
        this.param = param;
        // Levels sit at fixed depths of the area path (areas always hang under the level directly above). The
        // expressions match the statistics objects of the V1 migration, so keep them identical.
        this.sql = "nullif(split_part(area_path, '/', " + level.depth() + "), '')";
        this.level = level;
    }

    CameraGroup(String param, String sql) {
        this.param = param;
        this.sql = sql;
        this.level = null;
    }

    public boolean namesArea() {
        return level != null || this == AREA;
    }

    /** Parses {@code groupBy=district,pointClass}: one to three distinct dimensions. */
    public static List<CameraGroup> parse(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid("groupBy", "is required: one to three of " + allowed());
        }
        List<CameraGroup> groups = new ArrayList<>();
        for (String part : value.split(",")) {
            CameraGroup group = Arrays.stream(values()).filter(g -> g.param.equalsIgnoreCase(part.trim())).findFirst()
                    .orElseThrow(() -> ApiException.invalid("groupBy", "'" + part.trim() + "' is not one of " + allowed()));
            if (groups.contains(group)) {
                throw ApiException.invalid("groupBy", "'" + group.param + "' is given twice");
            }
            groups.add(group);
        }
        if (groups.size() > 3) {
            throw ApiException.invalid("groupBy", "at most three dimensions");
        }
        return groups;
    }

    private static String allowed() {
        return Arrays.stream(values()).map(g -> g.param).collect(Collectors.joining(", "));
    }
}
