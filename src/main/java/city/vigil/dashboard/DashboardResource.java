package city.vigil.dashboard;

import city.vigil.platform.CallerScope;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operators' pages, drawn on the server from the same services as the API (with the caller's scope): the overview
 * of the whole registry ({@code /}) and of any area ({@code /areas/{code}}). The page keeps itself current from
 * {@code /dashboard/overview.json} without reloading.
 */
@Path("/")
@Tag(name = "Dashboard")
public class DashboardResource {
    private final OverviewService overviews;
    private final CallerScope scope;

    DashboardResource(OverviewService overviews, CallerScope scope) {
        this.overviews = overviews;
        this.scope = scope;
    }

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance overview(Overview overview, String lang, String otherLang);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Overview page of the whole registry (HTML)")
    public Response city(@QueryParam("lang") String lang, @CookieParam(PageLocale.COOKIE) String cookie, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        return page(null, lang, cookie, headers);
    }

    @GET
    @Path("areas/{code}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Overview page of one area (HTML)")
    public Response area(@PathParam("code") String code, @QueryParam("lang") String lang, @CookieParam(PageLocale.COOKIE) String cookie,
                         @jakarta.ws.rs.core.Context HttpHeaders headers) {
        return page(code, lang, cookie, headers);
    }

    @GET
    @Path("dashboard/overview.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The overview's figures, for the page to update itself in place")
    public Overview figures(@QueryParam("area") String area) {
        return overviews.overview(scope.get(), area == null || area.isBlank() ? null : area.trim());
    }

    private Response page(String code, String lang, String cookie, HttpHeaders headers) {
        Locale locale = PageLocale.pick(lang, cookie, headers.getAcceptableLanguages());
        Overview overview = overviews.overview(scope.get(), code);
        String tag = PageLocale.tag(locale);
        TemplateInstance page = Templates.overview(overview, tag, locale == PageLocale.EN ? "zh" : "en").setLocale(locale);
        Response.ResponseBuilder response = Response.ok(page.render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Language", tag).header("Vary", "Accept-Language, Cookie");
        if (PageLocale.named(lang) != null) {
            response.cookie(new NewCookie.Builder(PageLocale.COOKIE).value(locale == PageLocale.EN ? "en" : "zh").path("/")
                    .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).build());
        }
        return response.build();
    }
}
