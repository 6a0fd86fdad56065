package city.vigil.camera;

import city.vigil.platform.Scope;
import city.vigil.platform.SqlWhere;

/** Turns camera filters into SQL over the camera table, answered by its indexes. */
public final class CameraQuery {
    private CameraQuery() {
    }

    /** {@code areaPath} is the resolved path of {@code filter.area()}, or null when no area filter is set. */
    public static SqlWhere where(Scope scope, CameraFilter filter, String areaPath) {
        SqlWhere where = new SqlWhere().scope(scope, "area_path");
        if (areaPath != null) {
            where.and("area_path LIKE ?", areaPath + "%");
        }
        if (filter.pointClasses() != null && !filter.pointClasses().isEmpty()) {
            where.and("point_class IN (" + "?,".repeat(filter.pointClasses().size() - 1) + "?)",
                    filter.pointClasses().stream().map(Integer::shortValue).toArray());
        }
        if (filter.lifecycle() != null) {
            where.and("lifecycle = ?", filter.lifecycle().name());
        }
        if (filter.ownerUnit() != null) {
            where.and("owner_unit = ?", filter.ownerUnit());
        }
        if (filter.maintainerUnit() != null) {
            where.and("maintainer_unit = ?", filter.maintainerUnit());
        }
        if (filter.networked() != null) {
            where.and("networked = ?", filter.networked());
        }
        if (filter.tag() != null) {
            where.and("tags @> ARRAY[CAST(? AS text)]", filter.tag());
        }
        if (filter.text() != null) {
            // Same expression as the trigram index, so the index answers it.
            where.containsText("(name || ' ' || coalesce(address, ''))", filter.text());
        }
        if (filter.bbox() != null) {
            double[] b = filter.bbox();
            where.and("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?", b[0], b[2], b[1], b[3]);
        }
        if (filter.warned() != null) {
            where.and(filter.warned() ? "cardinality(warnings) > 0" : "cardinality(warnings) = 0");
        }
        if (filter.incomplete() != null) {
            where.and(filter.incomplete() ? "cardinality(missing_fields) > 0" : "cardinality(missing_fields) = 0");
        }
        if (filter.parentGbId() != null) {
            where.and("parent_gb_id = ?", filter.parentGbId());
        }
        return where;
    }

}
