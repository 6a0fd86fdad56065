package city.vigil.dashboard;

import city.vigil.access.Roles;
import city.vigil.audit.AuditEvent;
import city.vigil.audit.AuditLog;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Page;
import city.vigil.platform.Params;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who changed what: the audit log as a page for admins, newest first. */
@Path("/audit")
@RolesAllowed(Roles.ADMIN)
public class AuditPage {
    private static final int PAGE = 50;

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance audit(Page<AuditEvent> page, String actor, Instant at, String lang, String otherLang);
    }

    @Inject
    AuditLog log;
    @Inject
    CallerScope scope;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The audit log page (HTML)", description = "before=<id> reads on; actor filters.")
    public Response page(@QueryParam("actor") String actor, @QueryParam("before") String before, @QueryParam("lang") String lang,
                         @CookieParam(PageLocale.COOKIE) String cookie, @Context HttpHeaders headers) {
        Locale locale = PageLocale.pick(lang, cookie, headers.getAcceptableLanguages());
        Page<AuditEvent> page = log.list(scope.get(), new AuditLog.Filter(Params.blankToNull(actor), null, null, null), Params.wholeNumber("before", before),
                PAGE);
        return Response.ok(Templates.audit(page, Params.blankToNull(actor), Instant.now(), PageLocale.tag(locale), locale == PageLocale.EN ? "zh" : "en")
                        .setLocale(locale).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Language", PageLocale.tag(locale)).header("Cache-Control", "no-store").build();
    }
}
