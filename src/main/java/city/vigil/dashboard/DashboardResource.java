package city.vigil.dashboard;

import city.vigil.platform.ApiException;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operators' pages, drawn on the server from the same services as the API, with the caller's scope: the overview
 * of the whole registry ({@code /}) and of any area ({@code /areas/{code}}), a camera ({@code /cameras/{gbId}}), the
 * outage desk ({@code /outages}) and the wall ({@code /wall}). Pages keep themselves current from
 * {@code /dashboard/overview.json} without reloading.
 */
@Path("/")
@Tag(name = "Dashboard")
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DashboardResource {
    private final OverviewService overviews;
    private final CameraDesk cameras;
    private final OutageBoard outages;
    private final CallerScope scope;

    DashboardResource(OverviewService overviews, CameraDesk cameras, OutageBoard outages, CallerScope scope) {
        this.overviews = overviews;
        this.cameras = cameras;
        this.outages = outages;
        this.scope = scope;
    }

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance overview(Overview overview, String lang, String otherLang);

        static native TemplateInstance camera(CameraDesk.CameraPage page, String lang, String otherLang);

        static native TemplateInstance outages(OutageBoard.Board board, Instant at, Integer done, String error, String lang, String otherLang);

        static native TemplateInstance wall(Overview overview, String rotate, String next, String lang, String otherLang);
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
    @Operation(summary = "Overview page of the whole registry (HTML)")
    public Response city(@QueryParam("lang") String lang, @CookieParam(PageLocale.COOKIE) String cookie, @Context HttpHeaders headers) {
        return overviewPage(null, language(lang, cookie, headers));
    }

    @GET
    @Path("areas/{code}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Overview page of one area (HTML)")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response area(@PathParam("code") String code, @QueryParam("lang") String lang, @CookieParam(PageLocale.COOKIE) String cookie,
                         @Context HttpHeaders headers) {
        return overviewPage(code, language(lang, cookie, headers));
    }

    @GET
    @Path("cameras/{gbId}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A camera's page (HTML)")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response camera(@PathParam("gbId") String gbId, @QueryParam("lang") String lang, @CookieParam(PageLocale.COOKIE) String cookie,
                           @Context HttpHeaders headers) {
        Language l = language(lang, cookie, headers);
        return html(Templates.camera(cameras.camera(scope.get(), gbId), l.tag(), l.other()), l);
    }

    @GET
    @Path("outages")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The outage desk (HTML): open outages by cause, acknowledged a group at a time")
    public Response outages(@QueryParam("area") String area, @QueryParam("done") Integer done, @QueryParam("error") String error,
                            @QueryParam("lang") String lang, @CookieParam(PageLocale.COOKIE) String cookie, @Context HttpHeaders headers) {
        Language l = language(lang, cookie, headers);
        String areaCode = area == null || area.isBlank() ? null : area.trim();
        return html(Templates.outages(outages.board(scope.get(), areaCode), Instant.now(), done, error, l.tag(), l.other()), l);
    }

    @POST
    @Path("outages/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Acknowledges every open, unacknowledged outage of one cause (the outage desk's form)")
    public Response acknowledge(@FormParam("area") String area, @FormParam("cause") String cause, @FormParam("by") String by,
                                @FormParam("note") String note) {
        String areaCode = area == null || area.isBlank() ? null : area.trim();
        UriBuilder back = UriBuilder.fromPath("/outages");
        if (areaCode != null) {
            back.queryParam("area", areaCode);
        }
        try {
            back.queryParam("done", outages.acknowledgeGroup(scope.get(), areaCode, cause, by, note));
        } catch (ApiException e) {
            // Back to the desk with the reason beside the form: an operator fixes the note and sends again.
            back.queryParam("error", e.errors.isEmpty() ? e.getMessage() : e.errors.get(0).field() + " " + e.errors.get(0).reason());
        }
        return Response.seeOther(back.build()).build();
    }

    @GET
    @Path("wall")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The wall (HTML): one area on a big screen, optionally rotating through its sub-areas")
    public Response wall(@QueryParam("area") String area, @QueryParam("rotate") String rotate, @QueryParam("lang") String lang,
                         @CookieParam(PageLocale.COOKIE) String cookie, @Context HttpHeaders headers) {
        Language l = language(lang, cookie, headers);
        String areaCode = area == null || area.isBlank() ? null : area.trim();
        Overview overview = overviews.overview(scope.get(), areaCode);
        return html(Templates.wall(overview, rotate, rotate == null ? null : nextArea(areaCode), l.tag(), l.other()), l);
    }

    @GET
    @Path("dashboard/overview.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The overview's figures, for the pages to update themselves in place")
    public Overview figures(@QueryParam("area") String area) {
        return overviews.overview(scope.get(), area == null || area.isBlank() ? null : area.trim());
    }

    /** The district after this one (the first after the last), for the wall's rotation. */
    private String nextArea(String areaCode) {
        List<String> districts = overviews.districts();
        if (districts.isEmpty()) {
            return null;
        }
        int at = areaCode == null ? -1 : districts.indexOf(areaCode);
        return districts.get((at + 1) % districts.size());
    }

    private Response overviewPage(String code, Language l) {
        return html(Templates.overview(overviews.overview(scope.get(), code), l.tag(), l.other()), l);
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
