package city.vigil.coverage;

import city.vigil.status.LinkState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which key sites and grids are covered right now, kept up to date one state change at a time (DESIGN §1 coverage).
 * Geometry is worked out once, when the book is built: a JTS STRtree over the sites (they change rarely, and a tree
 * built once answers a camera's "which sites are near me" in microseconds) gives each camera the sites its view
 * reaches; from then on a camera's state change touches only those sites and its grid, counting cameras up or down,
 * so it costs a handful of integer updates whatever the size of the city. Not thread-safe: one writer
 * ({@link CoverageService}) guards it.
 */
final class CoverageBook {

    /** A key site and the cameras that see it. */
    static final class Site {
        final SiteSpec spec;
        final List<Cam> seenBy = new ArrayList<>();
        /** Cameras seeing it that count for its rule now: ONLINE (a DEGRADED picture does not cover) and class ≤ the rule's. */
        int good;
        boolean covered;
        /** When it last became uncovered (or when the book was built, if uncovered then). */
        Instant uncoveredSince;

        Site(SiteSpec spec) {
            this.spec = spec;
        }

        boolean counts(Cam c) {
            return c.pointClass <= spec.maxPointClass();
        }
    }

    /** A grid (the smallest area) and how many of its cameras are online. */
    static final class Grid {
        final String code;
        final String path;
        int cameras;
        int online;
        Instant uncoveredSince;
        final List<Cam> members = new ArrayList<>(0);

        Grid(String code, String path) {
            this.code = code;
            this.path = path;
        }
    }

    /** A camera as coverage needs it. */
    static final class Cam {
        final String gbId;
        final int pointClass;
        final Grid grid;
        final String areaPath;
        final ViewShape view;
        final List<Site> sees = new ArrayList<>(0);
        LinkState state = LinkState.UNKNOWN;
        Instant since;
        String cause;

        Cam(String gbId, int pointClass, String areaPath, Grid grid, ViewShape view) {
            this.gbId = gbId;
            this.areaPath = areaPath;
            this.pointClass = pointClass;
            this.grid = grid;
            this.view = view;
        }

        boolean good() {
            return state == LinkState.ONLINE;
        }

        boolean online() {
            return state == LinkState.ONLINE || state == LinkState.DEGRADED;
        }

        /** Whether the camera is under {@code prefix} and the caller may see it. */
        boolean inArea(String prefix, city.vigil.platform.Scope scope) {
            return areaPath.startsWith(prefix) && scope.allows(areaPath);
        }
    }

    /** A site that changed from covered to uncovered or back. */
    record Flip(Site site, boolean covered, Instant at) {
    }

    private final Map<String, Site> sites = new HashMap<>();
    private final Map<String, Grid> grids = new HashMap<>();
    private final Map<String, Cam> cameras = new HashMap<>();
    private final STRtree index = new STRtree();
    /** The widest site radius: how far beyond its reach a camera looks for sites. */
    private double widestSite;

    CoverageBook(Collection<SiteSpec> siteSpecs, Collection<GridSpec> gridSpecs) {
        for (SiteSpec s : siteSpecs) {
            Site site = new Site(s);
            sites.put(s.code(), site);
            widestSite = Math.max(widestSite, s.radius());
            index.insert(new Envelope(s.lon(), s.lon(), s.lat(), s.lat()), site);
        }
        index.build();
        for (GridSpec g : gridSpecs) {
            grids.put(g.path(), new Grid(g.code(), g.path()));
        }
    }

    /** Adds a camera (built in bulk at start, one by one after registry changes) with its state; returns the sites that flipped. */
    List<Flip> add(CameraSpec spec, LinkState state, Instant since, String cause, Instant now) {
        List<Flip> flips = new ArrayList<>(remove(spec.gbId(), now));
        Grid grid = spec.gridPath() == null ? null : grids.get(spec.gridPath());
        Cam cam = new Cam(spec.gbId(), spec.pointClass(), spec.areaPath(), grid, spec.view());
        if (spec.view() != null) {
            ViewShape v = spec.view();
            double reach = v.distance() + widestSite;
            double dLat = reach / ViewShape.METRES_PER_DEGREE_LAT;
            double dLon = reach / (ViewShape.METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(v.lat())));
            @SuppressWarnings("unchecked")
            List<Site> near = index.query(new Envelope(v.lon() - dLon, v.lon() + dLon, v.lat() - dLat, v.lat() + dLat));
            for (Site s : near) {
                if (v.sees(s.spec.lat(), s.spec.lon(), s.spec.radius())) {
                    cam.sees.add(s);
                    s.seenBy.add(cam);
                }
            }
        }
        if (grid != null) {
            grid.cameras++;
            grid.members.add(cam);
        }
        cameras.put(cam.gbId, cam);
        flips.addAll(change(cam, state, since, cause, now));
        return flips;
    }

    /** Takes a camera out (gone from the registry or out of service); returns the sites that flipped. */
    List<Flip> remove(String gbId, Instant now) {
        Cam cam = cameras.remove(gbId);
        if (cam == null) {
            return List.of();
        }
        List<Flip> flips = change(cam, LinkState.UNKNOWN, now, null, now);
        for (Site s : cam.sees) {
            s.seenBy.remove(cam);
        }
        if (cam.grid != null) {
            cam.grid.cameras--;
            cam.grid.members.remove(cam);
        }
        return flips;
    }

    /** A camera's state changed; returns the sites that flipped. Touches only the camera's sites and grid. */
    List<Flip> state(String gbId, LinkState state, Instant since, String cause, Instant now) {
        Cam cam = cameras.get(gbId);
        return cam == null ? List.of() : change(cam, state, since, cause, now);
    }

    private List<Flip> change(Cam cam, LinkState state, Instant since, String cause, Instant now) {
        boolean wasGood = cam.good();
        boolean wasOnline = cam.online();
        cam.state = state;
        cam.since = since;
        cam.cause = cause;
        if (cam.grid != null && wasOnline != cam.online()) {
            cam.grid.online += cam.online() ? 1 : -1;
            if (cam.grid.online == 0) {
                cam.grid.uncoveredSince = now;
            }
        }
        if (wasGood == cam.good()) {
            return List.of();
        }
        List<Flip> flips = null;
        for (Site s : cam.sees) {
            if (!s.counts(cam)) {
                continue;
            }
            s.good += cam.good() ? 1 : -1;
            boolean covered = s.good >= s.spec.minOnline();
            if (covered != s.covered) {
                s.covered = covered;
                s.uncoveredSince = covered ? null : now;
                if (flips == null) {
                    flips = new ArrayList<>(1);
                }
                flips.add(new Flip(s, covered, now));
            }
        }
        return flips == null ? List.of() : flips;
    }

    /**
     * After the bulk build: a site uncovered from the start has been uncovered since the newest of its cameras' states
     * began (the last one to go), or since the build when no camera sees it.
     */
    void settle(Instant now) {
        for (Site s : sites.values()) {
            if (!s.covered) {
                s.uncoveredSince = s.seenBy.stream().map(c -> c.since).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(now);
            }
        }
        for (Grid g : grids.values()) {
            if (g.online == 0 && g.uncoveredSince == null) {
                g.uncoveredSince = now;
            }
        }
    }

    Collection<Site> sites() {
        return sites.values();
    }

    Collection<Grid> grids() {
        return grids.values();
    }

    Cam camera(String gbId) {
        return cameras.get(gbId);
    }

    Site site(String code) {
        return sites.get(code);
    }

    Collection<Cam> cameras() {
        return cameras.values();
    }

    int cameraCount() {
        return cameras.size();
    }
}
