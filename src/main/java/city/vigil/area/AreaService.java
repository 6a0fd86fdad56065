package city.vigil.area;

import city.vigil.platform.ApiError;
import city.vigil.platform.ApiException;
import city.vigil.platform.Outcome;
import city.vigil.platform.Page;
import city.vigil.platform.Scope;
import city.vigil.platform.SqlWhere;
import city.vigil.platform.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Rules of the administrative tree: levels, parents, paths, and what may be deleted. */
@ApplicationScoped
public class AreaService {

    /** Tables whose rows carry a copy of their area's path. */
    private static final List<String> PATH_COPIES = List.of("camera", "site", "checkpoint", "maintenance_window");

    @Inject
    EntityManager em;
    @Inject
    Event<AreaMoved> areaMoved;

    public Optional<Area> find(Scope scope, String code) {
        return Area.findByCode(code).filter(a -> scope.allows(a.path));
    }

    public Area get(Scope scope, String code) {
        return find(scope, code).orElseThrow(() -> ApiException.notFound("Area", code));
    }

    /** The area a registry resource is placed in, visible to the caller, or a 400 naming the field. */
    public Area requireForResource(Scope scope, String field, String code) {
        return find(scope, code).orElseThrow(() -> ApiException.invalid(field, "area '" + code + "' does not exist"));
    }

    /**
     * The area a grouped figure (rates by district, street …) is asked for: null for everything (callers limited to
     * some areas must name one), and a 400 when it is unknown or not above the level to group by.
     */
    public Area forGrouping(Scope scope, String code, AreaLevel groupLevel) {
        if (code == null) {
            if (!scope.isAll()) {
                throw ApiException.invalid("area", "is required for an area-scoped caller");
            }
            return null;
        }
        Area area = requireForResource(scope, "area", code);
        if (groupLevel != null && area.level.depth() >= groupLevel.depth()) {
            throw ApiException.invalid("groupBy", "area " + area.code + " is a " + area.level.name().toLowerCase(java.util.Locale.ROOT)
                    + "; group by a level below it");
        }
        return area;
    }

    /** Code → name of the areas at {@code level} inside {@code under} (everywhere when null), by code. */
    public Map<String, String> namesAtLevel(Area under, AreaLevel level) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT code, name FROM area WHERE level = ?1 AND path LIKE ?2 ORDER BY code")
                .setParameter(1, level.name()).setParameter(2, under == null ? "%" : under.path + "%").getResultList();
        rows.forEach(r -> names.put((String) r[0], (String) r[1]));
        return names;
    }

    /** Code → boundary (a GeoJSON Polygon or MultiPolygon) of the areas at {@code level} inside {@code under} that have one. */
    public Map<String, com.fasterxml.jackson.databind.JsonNode> boundariesAtLevel(Area under, AreaLevel level) {
        Map<String, com.fasterxml.jackson.databind.JsonNode> out = new java.util.LinkedHashMap<>();
        List<Area> found = Area.list("level = ?1 and path like ?2 and boundary is not null", level, under == null ? "%" : under.path + "%");
        found.forEach(a -> out.put(a.code, a.boundary));
        return out;
    }

    /** Ancestors of an area, root first, from its path in one query. */
    public List<AreaView.Ref> ancestors(Area area) {
        List<String> codes = new ArrayList<>(Arrays.asList(area.path.split("/")));
        codes.remove(codes.size() - 1);
        if (codes.isEmpty()) {
            return List.of();
        }
        Map<String, Area> byCode = new HashMap<>();
        Area.<Area>list("code in ?1", codes).forEach(a -> byCode.put(a.code, a));
        return codes.stream().map(byCode::get).filter(a -> a != null)
                .map(a -> new AreaView.Ref(a.code, a.name, a.level)).toList();
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Area create(Scope scope, AreaRequest request) {
        request.check().throwIfAny();
        if (Area.findByCode(request.code()).isPresent()) {
            throw new ApiException(ApiError.DUPLICATE, "Area '" + request.code() + "' already exists");
        }
        Area area = new Area();
        area.code = request.code();
        area.level = request.level();
        place(scope, area, request.parentCode());
        apply(area, request);
        area.persist();
        em.flush();
        return area;
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Area update(Scope scope, String code, AreaRequest request, String ifMatch) {
        Area area = get(scope, code);
        Versions.checkIfMatch(ifMatch, area.version);
        if (request.code() != null && !request.code().equals(code)) {
            throw ApiException.invalid("code", "does not match the path; an area's code cannot change");
        }
        AreaRequest full = new AreaRequest(code, request.name(), request.level(), request.parentCode(),
                request.landAreaKm2(), request.boundary());
        full.check().throwIfAny();
        if (request.level() != area.level) {
            throw ApiException.invalid("level", "cannot change from " + area.level + "; delete and recreate the area");
        }
        if (Objects.equals(request.parentCode(), area.parentCode)) {
            apply(area, full);
            em.flush();
            return area;
        }
        Area parent = parentFor(scope, area.level, request.parentCode());
        apply(area, full);
        String oldPath = area.path;
        area.parentCode = parent.code;
        area.path = parent.path + area.code + "/";
        em.flush();
        movePaths(oldPath, area.path);
        areaMoved.fire(new AreaMoved(area.code));
        return Area.findById(code);
    }

    /** Creates the area, or replaces it when the code exists (no version check): the bulk import's write. */
    @Transactional(dontRollbackOn = ApiException.class)
    public Outcome upsert(Scope scope, AreaRequest request) {
        return Outcome.upsert(request.code() == null ? Optional.empty() : find(scope, request.code()), a -> a.version,
                () -> create(scope, request), () -> update(scope, request.code(), request, null));
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public void delete(Scope scope, String code, String ifMatch) {
        Area area = get(scope, code);
        Versions.checkIfMatch(ifMatch, area.version);
        long children = Area.countChildren(code);
        if (children > 0) {
            throw new ApiException(ApiError.IN_USE, "Area '" + code + "' still has " + children + " child areas");
        }
        for (String table : PATH_COPIES) {
            Number users = (Number) em.createNativeQuery("SELECT count(*) FROM " + table + " WHERE area_code = ?1")
                    .setParameter(1, code).getSingleResult();
            if (users.longValue() > 0) {
                throw new ApiException(ApiError.IN_USE, "Area '" + code + "' is still the area of " + users + " " + table + " records");
            }
        }
        area.delete();
    }

    public Page<AreaView> list(Scope scope, AreaFilter filter, String after, int limit) {
        SqlWhere where = new SqlWhere().scope(scope, "path");
        if (filter.level() != null) {
            where.and("level = ?", filter.level().name());
        }
        if (filter.parentCode() != null) {
            where.and("parent_code = ?", filter.parentCode());
        }
        if (filter.under() != null) {
            Area root = get(scope, filter.under());
            where.and("path LIKE ? AND code <> ?", root.path + "%", root.code);
        }
        if (filter.text() != null) {
            where.containsText("name", filter.text());
        }
        if (after != null) {
            where.and("code > ?", after);
        }
        @SuppressWarnings("unchecked")
        List<Area> rows = where.bind(em.createNativeQuery(
                "SELECT * FROM area WHERE " + where.sql() + " ORDER BY code LIMIT " + (limit + 1), Area.class)).getResultList();
        return Page.of(rows, limit, a -> a.code, AreaView::brief);
    }

    private void place(Scope scope, Area area, String parentCode) {
        if (parentCode == null) {
            area.parentCode = null;
            area.path = area.code + "/";
            return;
        }
        Area parent = parentFor(scope, area.level, parentCode);
        area.parentCode = parent.code;
        area.path = parent.path + area.code + "/";
    }

    private Area parentFor(Scope scope, AreaLevel level, String parentCode) {
        Area parent = find(scope, parentCode)
                .orElseThrow(() -> ApiException.invalid("parentCode", "area '" + parentCode + "' does not exist"));
        if (parent.level.depth() != level.depth() - 1) {
            // A full chain keeps each level at a fixed depth of the path, which group-by-level queries rely on.
            throw ApiException.invalid("parentCode", "a " + level + " must sit under the level directly above it, not a " + parent.level);
        }
        return parent;
    }

    private static void apply(Area area, AreaRequest request) {
        area.name = request.name().trim();
        // The column's scale: 36.5 and 36.500 are the same area, and a re-import must not count as a change.
        area.landAreaKm2 = request.landAreaKm2() == null ? null : request.landAreaKm2().setScale(3, java.math.RoundingMode.HALF_UP);
        area.boundary = request.boundary() == null || request.boundary().isNull() ? null : request.boundary();
    }

    /** Re-parenting moves a whole subtree: rewrite its paths and every copy of them in one transaction. */
    private void movePaths(String oldPrefix, String newPrefix) {
        em.createNativeQuery("UPDATE area SET path = ?1 || substr(path, ?2) WHERE path LIKE ?3")
                .setParameter(1, newPrefix).setParameter(2, oldPrefix.length() + 1).setParameter(3, oldPrefix + "%")
                .executeUpdate();
        for (String table : PATH_COPIES) {
            em.createNativeQuery("UPDATE " + table + " SET area_path = ?1 || substr(area_path, ?2) WHERE area_path LIKE ?3")
                    .setParameter(1, newPrefix).setParameter(2, oldPrefix.length() + 1).setParameter(3, oldPrefix + "%")
                    .executeUpdate();
        }
        em.clear();
    }
}
