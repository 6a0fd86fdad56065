package city.vigil.dashboard;

import city.vigil.access.Csrf;
import city.vigil.access.CurrentCaller;
import city.vigil.access.Roles;
import city.vigil.deep.DeepService;
import city.vigil.platform.ApiError;
import city.vigil.platform.ApiException;
import city.vigil.platform.AuditTrail;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Checks;
import city.vigil.platform.Params;
import city.vigil.platform.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operators' pages, drawn on the server from the same services as the API, with the caller's scope: the overview
 * of the whole registry ({@code /}) and of any area ({@code /areas/{code}}), a camera ({@code /cameras/{gbId}}), the
 * outage desk ({@code /outages}), the map ({@code /map}) and the wall ({@code /wall}). Overview and wall pages keep
 * themselves current from {@code /dashboard/stream} (server-sent events), or {@code /dashboard/live} when that fails,
 * without reloading. Forms post, then redirect back to their page with what happened.
 */
@Path("/")
@Tag(name = "Dashboard")
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class DashboardResource {
    private final OverviewService overviews;
    private final HistoryService histories;
    private final CameraDesk cameras;
    private final OutageBoard outages;
    private final MapService maps;
    private final LivePanels live;
    private final DashboardConfig config;
    private final CallerScope scope;
    private final CurrentCaller caller;
    private final Csrf csrf;
    private final AuditTrail trail;

    DashboardResource(OverviewService overviews, HistoryService histories, CameraDesk cameras, OutageBoard outages, MapService maps,
                      LivePanels live, DashboardConfig config, CallerScope scope, CurrentCaller caller, Csrf csrf,
                      AuditTrail trail) {
        this.trail = trail;
        this.caller = caller;
        this.csrf = csrf;
        this.overviews = overviews;
        this.histories = histories;
        this.cameras = cameras;
        this.outages = outages;
        this.maps = maps;
        this.live = live;
        this.config = config;
        this.scope = scope;
    }

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance overview(Overview overview, AreaHistory history, String version, long pushMs, String lang, String otherLang);

        static native TemplateInstance overview$live(Overview overview);

        static native TemplateInstance overview$down(Overview overview);

        static native TemplateInstance camera(CameraDesk.CameraPage page, String done, String error, String lang, String otherLang);

        static native TemplateInstance outages(OutageBoard.Board board, Instant at, Integer done, String error, String lang, String otherLang);

        static native TemplateInstance wall(Overview overview, String rotate, String next, String version, long pushMs, String lang, String otherLang);

        static native TemplateInstance wall$live(Overview overview);

        static native TemplateInstance map(String areaCode, String areaName, MapView map, Instant at, String lang, String otherLang);
    }

    /** The page's language, from the switch, its cookie, or the browser. */
    private record Language(Locale locale, boolean switched) {
        String tag() {
            return PageLocale.tag(locale);
        }

        String other() {
            return locale == PageLocale.EN ? "zh" : "en";
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Overview page of the whole registry (HTML)", description = "The down list's filter: class, cause, fault, downFor "
            + "(5m, 1h, 1d), ack (true/false), page.")
    public Response city(@QueryParam("class") String pointClass, @QueryParam("cause") String cause, @QueryParam("fault") String fault,
                         @QueryParam("downFor") String downFor, @QueryParam("ack") String ack, @QueryParam("page") String page,
                         @QueryParam("lang") String lang, @CookieParam(PageLocale.COOKIE) String cookie, @Context HttpHeaders headers) {
        return overviewPage(home(null), DownQuery.parse(pointClass, cause, fault, downFor, ack, page), language(lang, cookie, headers));
    }

    /** The area a page without one shows: everything, or for a caller limited to some areas, the first of them. */
    private String home(String areaCode) {
        if (areaCode != null || scope.get().isAll()) {
            return areaCode;
        }
        List<String> mine = caller.get().areaCodes();
        return mine.isEmpty() ? null : mine.get(0);
    }

    @GET
    @Path("areas/{code}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Overview page of one area (HTML)", description = "The same figures as the whole registry's, for the area and its sub-areas.")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response area(@PathParam("code") String code, @QueryParam("class") String pointClass, @QueryParam("cause") String cause,
                         @QueryParam("fault") String fault, @QueryParam("downFor") String downFor, @QueryParam("ack") String ack,
                         @QueryParam("page") String page, @QueryParam("lang") String lang, @CookieParam(PageLocale.COOKIE) String cookie,
                         @Context HttpHeaders headers) {
        return overviewPage(code, DownQuery.parse(pointClass, cause, fault, downFor, ack, page), language(lang, cookie, headers));
    }

    @GET
    @Path("map")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Map page of an area (HTML, inline SVG)")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response map(@QueryParam("area") String area, @QueryParam("lang") String lang, @CookieParam(PageLocale.COOKIE) String cookie,
                        @Context HttpHeaders headers) {
        Language l = language(lang, cookie, headers);
        String areaCode = home(Params.blankToNull(area));
        MapView map;
        try {
            map = maps.map(scope.get(), areaCode);
        } catch (ApiException e) {
            if (e.error != ApiError.NOT_READY) {
                throw e;
            }
            map = null;
        }
        String name = areaCode == null ? null : overviews.name(scope.get(), areaCode);
        return html(Templates.map(areaCode, name, map, map == null ? Instant.now() : map.at(), l.tag(), l.other()), l);
    }

    @GET
    @Path("cameras/{gbId}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A camera's page (HTML)")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response camera(@PathParam("gbId") String gbId, @QueryParam("done") String done, @QueryParam("error") String error,
                           @QueryParam("lang") String lang, @CookieParam(PageLocale.COOKIE) String cookie, @Context HttpHeaders headers) {
        Language l = language(lang, cookie, headers);
        return html(Templates.camera(cameras.camera(scope.get(), gbId), Params.blankToNull(done), Params.blankToNull(error), l.tag(), l.other()), l);
    }

    @POST
    @Path("cameras/{gbId}/check")
    @Operation(summary = "Checks the camera's picture now (the camera page's button)")
    @RolesAllowed(Roles.OPERATOR)
    public Response checkNow(@PathParam("gbId") String gbId, @FormParam(Csrf.FIELD) String token) {
        csrf.check(token);
        trail.after(Map.of("gbId", gbId, "action", "check now"));
        return back(gbId, "checked", () -> {
            if (!cameras.checkNow(scope.get(), gbId)) {
                throw ApiException.invalid("stream", "the camera has no stream to check");
            }
        });
    }

    @POST
    @Path("cameras/{gbId}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Acknowledges the camera's open outage (the camera page's form)")
    @RolesAllowed(Roles.OPERATOR)
    public Response acknowledgeCamera(@PathParam("gbId") String gbId, @FormParam("by") String by, @FormParam("note") String note,
                                      @FormParam(Csrf.FIELD) String token) {
        csrf.check(token);
        return back(gbId, "acknowledged", () -> {
            Checks checks = new Checks();
            checks.required("note", note);
            checks.throwIfAny();
            cameras.acknowledge(scope.get(), gbId, caller.actorOr(by), note);
            trail.after(Map.of("gbId", gbId, "acknowledgedBy", caller.actorOr(by), "note", note));
        });
    }

    @POST
    @Path("cameras/{gbId}/maintenance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Schedules a maintenance window for the camera (the camera page's form; times in China time)")
    @RolesAllowed(Roles.OPERATOR)
    public Response scheduleMaintenance(@PathParam("gbId") String gbId, @FormParam("by") String by, @FormParam("reason") String reason,
                                        @FormParam("startsAt") String startsAt, @FormParam("endsAt") String endsAt,
                                        @FormParam(Csrf.FIELD) String token) {
        csrf.check(token);
        return back(gbId, "scheduled", () -> {
            cameras.scheduleMaintenance(scope.get(), gbId, caller.actorOr(by), reason, startsAt, endsAt);
            trail.after(Map.of("gbId", gbId, "reason", reason, "startsAt", startsAt, "endsAt", endsAt));
        });
    }

    @GET
    @Path("outages")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The outage desk (HTML): open outages by cause, acknowledged a group at a time; resolved today; MTTR by district")
    public Response outages(@QueryParam("area") String area, @QueryParam("done") Integer done, @QueryParam("error") String error,
                            @QueryParam("lang") String lang, @CookieParam(PageLocale.COOKIE) String cookie, @Context HttpHeaders headers) {
        Language l = language(lang, cookie, headers);
        String areaCode = home(Params.blankToNull(area));
        return html(Templates.outages(outages.board(scope.get(), areaCode), Instant.now(), done, error, l.tag(), l.other()), l);
    }

    @POST
    @Path("outages/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Acknowledges every open, unacknowledged outage of one cause (the outage desk's form)")
    @RolesAllowed(Roles.OPERATOR)
    public Response acknowledge(@FormParam("area") String area, @FormParam("cause") String cause, @FormParam("by") String by,
                                @FormParam("note") String note, @FormParam(Csrf.FIELD) String token) {
        csrf.check(token);
        String areaCode = Params.blankToNull(area);
        Redirect back = Redirect.to("/outages");
        if (areaCode != null) {
            back.with("area", areaCode);
        }
        try {
            int acknowledged = outages.acknowledgeGroup(scope.get(), areaCode, cause, caller.actorOr(by), note);
            trail.after(Map.of("area", areaCode == null ? "" : areaCode, "cause", cause, "note", note, "acknowledged", acknowledged));
            back.with("done", acknowledged);
        } catch (ApiException e) {
            // Back to the desk with the reason beside the form: an operator fixes the note and sends again.
            back.with("error", reason(e));
        }
        return back.seeOther();
    }

    @GET
    @Path("wall")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The wall (HTML): one area on a big screen, optionally rotating through the districts")
    public Response wall(@QueryParam("area") String area, @QueryParam("rotate") String rotate, @QueryParam("lang") String lang,
                         @CookieParam(PageLocale.COOKIE) String cookie, @Context HttpHeaders headers) {
        Language l = language(lang, cookie, headers);
        String areaCode = home(Params.blankToNull(area));
        Overview overview = overviews.wall(scope.get(), areaCode);
        String version = live.of(overview, LivePanels.View.WALL, l.locale()).version();
        return html(Templates.wall(overview, rotate, rotate == null ? null : nextArea(areaCode), version, config.pushInterval().toMillis(), l.tag(),
                l.other()), l);
    }

    @GET
    @Path("dashboard/overview.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The overview's figures as JSON (the same the overview page shows)")
    public Overview figures(@QueryParam("area") String area, @QueryParam("class") String pointClass, @QueryParam("cause") String cause,
                            @QueryParam("fault") String fault, @QueryParam("downFor") String downFor, @QueryParam("ack") String ack,
                            @QueryParam("page") String page) {
        return overviews.overview(scope.get(), Params.blankToNull(area), DownQuery.parse(pointClass, cause, fault, downFor, ack, page));
    }

    @GET
    @Path("dashboard/live")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An open page's live panels (the fallback when server-sent events fail)", description = "view=overview|wall, area, and "
            + "the down list's filter; the same update /dashboard/stream pushes.")
    public LivePanels.Update livePanels(@QueryParam("view") String view, @QueryParam("area") String area, @QueryParam("class") String pointClass,
                                        @QueryParam("cause") String cause, @QueryParam("fault") String fault, @QueryParam("downFor") String downFor,
                                        @QueryParam("ack") String ack, @QueryParam("page") String page, @QueryParam("lang") String lang,
                                        @CookieParam(PageLocale.COOKIE) String cookie, @Context HttpHeaders headers) {
        return live.render(scope.get(), DashboardStream.view(view), Params.blankToNull(area), DownQuery.parse(pointClass, cause, fault, downFor, ack, page),
                PageLocale.pick(lang, cookie, headers.getAcceptableLanguages()));
    }

    /** The district after this one (the first after the last), for the wall's rotation. */
    private String nextArea(String areaCode) {
        List<String> districts = overviews.districts(scope.get());
        if (districts.isEmpty()) {
            return null;
        }
        int at = areaCode == null ? -1 : districts.indexOf(areaCode);
        return districts.get((at + 1) % districts.size());
    }

    private Response overviewPage(String code, DownQuery query, Language l) {
        Overview overview = overviews.overview(scope.get(), code, query);
        // The live panels' version as drawn here: the stream then sends them only once they change.
        String version = live.of(overview, LivePanels.View.OVERVIEW, l.locale()).version();
        return html(Templates.overview(overview, histories.history(scope.get(), code), version, config.pushInterval().toMillis(), l.tag(),
                l.other()), l);
    }

    /** Post, redirect, get: back to the camera's page with what happened, or why not beside the form. */
    private static Response back(String gbId, String done, Runnable action) {
        Redirect back = Redirect.to("/cameras", gbId);
        try {
            action.run();
            back.with("done", done);
        } catch (ApiException e) {
            if (e.error == ApiError.NOT_FOUND) {
                throw e;
            }
            back.with("error", reason(e));
        } catch (DeepService.DeviceBusy | DeepService.PoolBusy e) {
            back.with("error", "busy");
        }
        return back.seeOther();
    }

    private static String reason(ApiException e) {
        return e.errors.isEmpty() ? e.getMessage() : e.errors.get(0).field() + " " + e.errors.get(0).reason();
    }

    private static Language language(String lang, String cookie, HttpHeaders headers) {
        return new Language(PageLocale.pick(lang, cookie, headers.getAcceptableLanguages()), PageLocale.named(lang) != null);
    }

    private static Response html(TemplateInstance page, Language l) {
        Response.ResponseBuilder response = Response.ok(page.setLocale(l.locale()).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Language", l.tag()).header("Vary", "Accept-Language, Cookie").header("Cache-Control", "no-store");
        if (l.switched()) {
            response.cookie(new NewCookie.Builder(PageLocale.COOKIE).value(l.locale() == PageLocale.EN ? "en" : "zh").path("/")
                    .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).build());
        }
        return response.build();
    }
}
