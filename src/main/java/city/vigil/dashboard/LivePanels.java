package city.vigil.dashboard;

import city.vigil.platform.Scope;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an open page receives to stay current: its live panels drawn again on the server, as HTML by element id, with
 * the instant they show. The page swaps in the panels that changed; nothing of the fleet is shipped to the browser,
 * and the figures are the same the page was drawn with.
 */
@ApplicationScoped
public class LivePanels {
    /** Which page: an overview or a wall. */
    public enum View {
        OVERVIEW, WALL
    }

    /**
     * One update: as of {@code at}; {@code alarm}: class-1 points offline (the wall's banner); {@code version}: names
     * the panels' content, so a page drawn with these panels is not sent them again; panels by element id.
     */
    public record Update(Instant at, long alarm, String version, Map<String, String> panels) {
    }

    private final OverviewService overviews;

    LivePanels(OverviewService overviews) {
        this.overviews = overviews;
    }

    public Update render(Scope scope, View view, String areaCode, DownQuery query, Locale locale) {
        return of(view == View.WALL ? overviews.wall(scope, areaCode) : overviews.overview(scope, areaCode, query), view, locale);
    }

    /** The panels of an overview already read (a page being drawn names their version). */
    public Update of(Overview overview, View view, Locale locale) {
        Map<String, String> panels = new LinkedHashMap<>();
        if (view == View.WALL) {
            panels.put("wall-panels", draw(DashboardResource.Templates.wall$live(overview), locale));
        } else {
            panels.put("live-panels", draw(DashboardResource.Templates.overview$live(overview), locale));
            panels.put("down-panel", draw(DashboardResource.Templates.overview$down(overview), locale));
        }
        return new Update(overview.at(), overview.class1Offline(), version(panels), panels);
    }

    /** What one push draws: pages that show the same thing share it. */
    private record Key(Scope scope, View view, String areaCode, DownQuery query, Locale locale) {
    }

    private final Kept<Key, Update> recent = new Kept<>(1_000);

    /**
     * The same, for the push timer: the services read PostgreSQL within a request context of their own, and pages
     * showing the same panels (a city's walls, every operator on the city overview) share one drawing per half push
     * interval instead of drawing them once each.
     */
    Update renderShared(Scope scope, View view, String areaCode, DownQuery query, Locale locale, Duration fresh) {
        return recent.get(new Key(scope, view, areaCode, query, locale), fresh, () -> {
            ManagedContext context = Arc.container().requestContext();
            context.activate();
            try {
                return render(scope, view, areaCode, query, locale);
            } finally {
                context.terminate();
            }
        });
    }

    private static String version(Map<String, String> panels) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            panels.forEach((id, html) -> {
                sha.update(id.getBytes(StandardCharsets.UTF_8));
                sha.update(html.getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String draw(TemplateInstance fragment, Locale locale) {
        return fragment.setLocale(locale).render();
    }
}
