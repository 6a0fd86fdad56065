package city.vigil.site;

import city.vigil.area.Area;
import city.vigil.area.AreaService;
import city.vigil.platform.ApiError;
import city.vigil.platform.ApiException;
import city.vigil.platform.Outcome;
import city.vigil.platform.Page;
import city.vigil.platform.Scope;
import city.vigil.platform.SqlWhere;
import city.vigil.platform.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Key-site registry rules. */
@ApplicationScoped
public class SiteService {

    @Inject
    EntityManager em;
    @Inject
    AreaService areas;
    @Inject
    jakarta.enterprise.event.Event<SitesChanged> changed;

    public Optional<Site> find(Scope scope, String code) {
        return Site.findByCode(code).filter(s -> scope.allows(s.areaPath));
    }

    public Site get(Scope scope, String code) {
        return find(scope, code).orElseThrow(() -> ApiException.notFound("Site", code));
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Site create(Scope scope, SiteRequest request) {
        request.check().throwIfAny();
        Area area = areas.requireForResource(scope, "areaCode", request.areaCode());
        if (Site.findByCode(request.code()).isPresent()) {
            throw new ApiException(ApiError.DUPLICATE, "Site '" + request.code() + "' already exists");
        }
        Site site = new Site();
        site.code = request.code();
        apply(site, request, area);
        site.persist();
        em.flush();
        changed.fire(new SitesChanged(site.code));
        return site;
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Site update(Scope scope, String code, SiteRequest request, String ifMatch) {
        Site site = get(scope, code);
        Versions.checkIfMatch(ifMatch, site.version);
        if (request.code() != null && !request.code().equals(code)) {
            throw ApiException.invalid("code", "does not match the path; a site's code cannot change");
        }
        SiteRequest full = request.withCode(code);
        full.check().throwIfAny();
        apply(site, full, areas.requireForResource(scope, "areaCode", full.areaCode()));
        em.flush();
        changed.fire(new SitesChanged(code));
        return site;
    }

    /** Creates the site, or replaces it when the code exists (no version check): the bulk import's write. */
    @Transactional(dontRollbackOn = ApiException.class)
    public Outcome upsert(Scope scope, SiteRequest request) {
        return Outcome.upsert(request.code() == null ? Optional.empty() : find(scope, request.code()), s -> s.version,
                () -> create(scope, request), () -> update(scope, request.code(), request, null));
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public void delete(Scope scope, String code, String ifMatch) {
        Site site = get(scope, code);
        Versions.checkIfMatch(ifMatch, site.version);
        site.delete();
        changed.fire(new SitesChanged(code));
    }

    public Page<SiteView> list(Scope scope, String area, SiteCategory category, String text, String after, int limit) {
        SqlWhere where = new SqlWhere().scope(scope, "area_path");
        if (area != null) {
            where.and("area_path LIKE ?", areas.requireForResource(scope, "area", area).path + "%");
        }
        if (category != null) {
            where.and("category = ?", category.name());
        }
        if (text != null) {
            where.containsText("name", text);
        }
        if (after != null) {
            where.and("code > ?", after);
        }
        @SuppressWarnings("unchecked")
        List<Site> rows = where.bind(em.createNativeQuery(
                "SELECT * FROM site WHERE " + where.sql() + " ORDER BY code LIMIT " + (limit + 1), Site.class)).getResultList();
        return Page.of(rows, limit, s -> s.code, SiteView::of);
    }

    private static void apply(Site site, SiteRequest r, Area area) {
        site.name = r.name().trim();
        site.category = r.category();
        site.lat = r.lat();
        site.lon = r.lon();
        site.radiusM = r.radiusM();
        site.polygon = r.polygon() == null || r.polygon().isNull() ? null : r.polygon();
        site.areaCode = area.code;
        site.areaPath = area.path;
        site.minOnlineCameras = r.rule() == null || r.rule().minOnlineCameras() == null ? 1 : r.rule().minOnlineCameras();
        site.maxPointClass = r.rule() == null || r.rule().maxPointClass() == null ? 3 : r.rule().maxPointClass();
    }
}
