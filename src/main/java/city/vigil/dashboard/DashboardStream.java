package city.vigil.dashboard;

import city.vigil.access.Roles;
import city.vigil.area.AreaService;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Daemons;
import city.vigil.platform.Params;
import city.vigil.platform.Scope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /dashboard/stream}: pushes an open page its live panels (server-sent events). Every push interval the
 * panels are drawn again; an {@code update} event carries them when they changed, a {@code tick} with the instant
 * otherwise, so the page's "as of" clock moves and its stale banner knows the server is there.
 */
@Path("/dashboard/stream")
@Tag(name = "Dashboard")
@Singleton
public class DashboardStream {
    private final LivePanels panels;
    private final AreaService areas;
    private final CallerScope scope;
    private final DashboardConfig config;
    private final ObjectMapper json;
    private final ScheduledExecutorService timer = Daemons.scheduler("vigil-dashboard-push", 2);

    DashboardStream(LivePanels panels, AreaService areas, CallerScope scope, DashboardConfig config, ObjectMapper json) {
        this.panels = panels;
        this.areas = areas;
        this.scope = scope;
        this.config = config;
        this.json = json;
    }

    void onStop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live panels of an overview or wall page (SSE)", description = "view=overview|wall, area, and the down list's filter "
            + "(class, cause, fault, downFor, ack, page); version: of the panels the page holds. Events: update (JSON: at, alarm, version, panels by "
            + "element id, HTML) when the panels changed, tick (JSON: at) otherwise.")
    // On the endpoint, not the class: a class-level check would also guard the shutdown observer, and a refused
    // observer stops the shutdown of every bean after it.
    @RolesAllowed(Roles.VIEWER)
    public void stream(@QueryParam("view") String view, @QueryParam("area") String area, @QueryParam("class") String pointClass,
                       @QueryParam("cause") String cause, @QueryParam("fault") String fault, @QueryParam("downFor") String downFor,
                       @QueryParam("ack") String ack, @QueryParam("page") String page, @QueryParam("lang") String lang,
                       @QueryParam("version") String version, @CookieParam(PageLocale.COOKIE) String cookie, @Context HttpHeaders headers, @Context SseEventSink sink, @Context Sse sse) {
        Scope s = scope.get();
        LivePanels.View v = view(view);
        String areaCode = Params.blankToNull(area);
        if (areaCode != null) {
            areas.get(s, areaCode);
        }
        DownQuery query = DownQuery.parse(pointClass, cause, fault, downFor, ack, page);
        Locale locale = PageLocale.pick(lang, cookie, headers.getAcceptableLanguages());
        // The version of the panels the page was drawn with: unchanged panels are not sent again, a tick says all is well.
        String[] last = {Params.blankToNull(version)};
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        // The page was just drawn with its panels: the first push is due an interval later.
        task[0] = timer.scheduleWithFixedDelay(() -> {
            if (sink.isClosed()) {
                task[0].cancel(false);
                return;
            }
            try {
                LivePanels.Update update = panels.renderShared(s, v, areaCode, query, locale, config.pushInterval().dividedBy(2));
                boolean changed = !Objects.equals(update.version(), last[0]);
                last[0] = update.version();
                String data = changed ? json.writeValueAsString(update) : json.writeValueAsString(Map.of("at", update.at().toString()));
                sink.send(sse.newEventBuilder().name(changed ? "update" : "tick").mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build());
            } catch (RuntimeException | JsonProcessingException e) {
                // The page went away, or the database did: the browser's EventSource reconnects, the page shows stale meanwhile.
                Log.debugf("Dashboard stream closed: %s", e.toString());
                task[0].cancel(false);
                sink.close();
            }
        }, config.pushInterval().toMillis(), config.pushInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    static LivePanels.View view(String view) {
        String v = Params.blankToNull(view);
        return v == null ? LivePanels.View.OVERVIEW : LivePanels.View.valueOf(Params.oneOf("view", v, "overview", "wall").toUpperCase(Locale.ROOT));
    }
}
