package city.vigil.maintenance;

import city.vigil.area.Area;
import city.vigil.area.AreaService;
import city.vigil.gbid.GbId;
import city.vigil.platform.ApiException;
import city.vigil.platform.Checks;
import city.vigil.platform.Page;
import city.vigil.platform.Scope;
import city.vigil.platform.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Maintenance windows: validation, scope, and the event that makes the monitor apply a change at once. */
@ApplicationScoped
public class MaintenanceService {
    private static final int MAX_GB_IDS = 10_000;
    private static final Set<Integer> CLASSES = Set.of(1, 2, 3, 4, 9);

    @Inject
    EntityManager em;
    @Inject
    AreaService areas;
    @Inject
    Event<MaintenanceChanged> changed;

    public MaintenanceWindow get(Scope scope, long id) {
        MaintenanceWindow w = MaintenanceWindow.findById(id);
        if (w == null || !visible(scope, w)) {
            throw ApiException.notFound("Maintenance window", String.valueOf(id));
        }
        return w;
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public MaintenanceWindow create(Scope scope, MaintenanceRequest request) {
        MaintenanceWindow w = new MaintenanceWindow();
        apply(scope, w, request);
        w.persist();
        em.flush();
        changed.fire(new MaintenanceChanged(w.id));
        return w;
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public MaintenanceWindow update(Scope scope, long id, MaintenanceRequest request, String ifMatch) {
        MaintenanceWindow w = get(scope, id);
        Versions.checkIfMatch(ifMatch, w.version);
        apply(scope, w, request);
        em.flush();
        changed.fire(new MaintenanceChanged(w.id));
        return w;
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public void delete(Scope scope, long id, String ifMatch) {
        MaintenanceWindow w = get(scope, id);
        Versions.checkIfMatch(ifMatch, w.version);
        w.delete();
        changed.fire(new MaintenanceChanged(id));
    }

    /** Windows newest first; {@code active} narrows to those active (true) or not active (false) now. */
    public Page<MaintenanceView> list(Scope scope, Boolean active, Long after, int limit) {
        Instant now = Instant.now();
        List<MaintenanceView> matching = new ArrayList<>();
        List<MaintenanceWindow> all = after == null ? MaintenanceWindow.list("order by id desc")
                : MaintenanceWindow.list("id < ?1 order by id desc", after);
        for (MaintenanceWindow w : all) {
            if (!visible(scope, w)) {
                continue;
            }
            MaintenanceView view = MaintenanceView.of(w, now);
            if (active == null || view.active() == active) {
                matching.add(view);
            }
            if (matching.size() > limit) {
                break;
            }
        }
        return Page.of(matching, limit, v -> String.valueOf(v.id()), v -> v);
    }

    /** The windows that cover one camera and are not over: active now or with an occurrence to come. */
    @Transactional
    public List<MaintenanceView> forCamera(Scope scope, String gbId, String areaPath, int pointClass, String maintainerUnit) {
        Instant now = Instant.now();
        List<MaintenanceView> out = new ArrayList<>();
        for (MaintenanceWindow w : MaintenanceWindow.<MaintenanceWindow>list("order by id desc")) {
            if (visible(scope, w) && w.rule().covers(gbId, areaPath, pointClass, maintainerUnit)) {
                MaintenanceView view = MaintenanceView.of(w, now);
                if (view.active() || view.nextStart() != null) {
                    out.add(view);
                }
            }
        }
        return out;
    }

    /** Every window as the monitor applies them. */
    @Transactional
    public List<MaintenanceRule> rules() {
        return MaintenanceWindow.<MaintenanceWindow>listAll().stream().map(MaintenanceWindow::rule).toList();
    }

    private static boolean visible(Scope scope, MaintenanceWindow w) {
        return scope.isAll() || w.areaPath != null && scope.allows(w.areaPath);
    }

    /** Slack for a client's clock and the request's way here. */
    private static final Duration BACKDATING_SLACK = Duration.ofMinutes(1);

    /**
     * A window, or the occurrence of a recurring one running now, that began before now: it would name time whose
     * availability is already recorded as it was (a backdated window would not cover it: refused rather than ignored).
     */
    static boolean startsInThePast(Instant startsAt, Instant endsAt, Recurrence recurrence, Instant now) {
        Instant limit = now.minus(BACKDATING_SLACK);
        if (recurrence.period == null || !startsAt.isBefore(now)) {
            return startsAt.isBefore(limit);
        }
        long periods = Duration.between(startsAt, now).toMillis() / recurrence.period.toMillis();
        Instant current = startsAt.plus(recurrence.period.multipliedBy(periods));
        Instant currentEnd = current.plus(Duration.between(startsAt, endsAt));
        return now.isBefore(currentEnd) && current.isBefore(limit);
    }

    private void apply(Scope scope, MaintenanceWindow w, MaintenanceRequest r) {
        Checks checks = new Checks();
        if (checks.required("reason", r.reason())) {
            checks.maxLength("reason", r.reason().trim(), 256);
        }
        boolean times = checks.required("startsAt", r.startsAt()) & checks.required("endsAt", r.endsAt());
        Recurrence recurrence = r.recurrence() == null ? Recurrence.NONE : r.recurrence();
        if (times && !r.startsAt().toInstant().equals(w.startsAt)
                && startsInThePast(r.startsAt().toInstant(), r.endsAt().toInstant(), recurrence, Instant.now())) {
            checks.fail("startsAt", "is in the past: the time already recorded is not rewritten, so a window cannot cover it; start it now "
                    + "or later (a window already running keeps its start when it is changed)");
        }
        if (times && !r.endsAt().isAfter(r.startsAt())) {
            checks.fail("endsAt", "must be after startsAt");
        } else if (times && recurrence.period != null
                && Duration.between(r.startsAt(), r.endsAt()).compareTo(recurrence.period) > 0) {
            checks.fail("endsAt", "a " + recurrence.name().toLowerCase() + " window cannot last longer than its period");
        }
        if (r.until() != null && recurrence == Recurrence.NONE) {
            checks.fail("until", "only a recurring window has an end of recurrence");
        } else if (r.until() != null && r.startsAt() != null && r.until().isBefore(r.startsAt())) {
            checks.fail("until", "must not be before startsAt");
        }
        List<String> gbIds = r.gbIds() == null ? List.of() : r.gbIds();
        if (gbIds.size() > MAX_GB_IDS) {
            checks.fail("gbIds", "at most " + MAX_GB_IDS + " cameras; scope larger work by area, class or maintainer");
        }
        for (int i = 0; i < gbIds.size() && i < MAX_GB_IDS; i++) {
            String problem = gbIds.get(i) == null ? "is required" : GbId.problem(gbIds.get(i)).orElse(null);
            if (problem != null) {
                checks.fail("gbIds[" + i + "]", problem);
            }
        }
        List<Integer> classes = r.pointClasses() == null ? List.of() : r.pointClasses();
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i) == null || !CLASSES.contains(classes.get(i))) {
                checks.fail("pointClasses[" + i + "]", "must be one of 1, 2, 3, 4, 9");
            }
        }
        String maintainer = r.maintainerUnit() == null || r.maintainerUnit().isBlank() ? null : r.maintainerUnit().trim();
        checks.maxLength("maintainerUnit", maintainer, 128);
        checks.maxLength("createdBy", r.createdBy(), 64);
        String areaCode = r.area() == null || r.area().isBlank() ? null : r.area().trim();
        if (gbIds.isEmpty() && areaCode == null && classes.isEmpty() && maintainer == null) {
            checks.fail("scope", "name at least one of gbIds, area, pointClasses, maintainerUnit: a window never covers the whole city by accident");
        }
        if (areaCode == null && !scope.isAll()) {
            checks.fail("area", "is required for an area-scoped caller");
        }
        checks.throwIfAny();
        Area area = areaCode == null ? null : areas.requireForResource(scope, "area", areaCode);
        w.reason = r.reason().trim();
        w.startsAt = r.startsAt().toInstant();
        w.endsAt = r.endsAt().toInstant();
        w.recurrence = recurrence;
        w.until = r.until() == null ? null : r.until().toInstant();
        w.gbIds = new ArrayList<>(new LinkedHashSet<>(gbIds));
        w.areaCode = area == null ? null : area.code;
        w.areaPath = area == null ? null : area.path;
        w.pointClasses = new ArrayList<>(new LinkedHashSet<>(classes));
        w.maintainerUnit = maintainer;
        w.createdBy = r.createdBy();
    }
}
