package city.vigil.dashboard;

import city.vigil.access.CallerAuthentication;
import city.vigil.access.Csrf;
import city.vigil.access.CurrentCaller;
import city.vigil.access.Logins;
import city.vigil.access.Roles;
import city.vigil.access.Secrets;
import city.vigil.platform.ApiException;
import city.vigil.platform.AuditTrail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Login, logout and the password change of the people who use the pages. */
@Path("/")
public class AccountPages {
    /** Binds the login form to the browser that asked for it: a page elsewhere cannot log a victim in as the attacker. */
    private static final String LOGIN_COOKIE = "vigil_login";

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance login(String loginToken, String next, String error, String lang, String otherLang);

        static native TemplateInstance password(boolean mustChange, boolean done, String error, String lang, String otherLang);
    }

    @Inject
    Logins logins;
    @Inject
    AuditTrail trail;
    @Inject
    CurrentCaller caller;
    @Inject
    Csrf csrf;
    @Inject
    Labels english;
    @Inject
    @io.quarkus.qute.i18n.Localized("zh")
    Labels chinese;

    @GET
    @Path("login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The login page (HTML)")
    public Response loginPage(@QueryParam("next") String next, @QueryParam("lang") String lang, @CookieParam(PageLocale.COOKIE) String langCookie,
                              @Context HttpHeaders headers, @Context RoutingContext http) {
        Locale locale = PageLocale.pick(lang, langCookie, headers.getAcceptableLanguages());
        return loginForm(safeNext(next), null, locale, 200, secure(http));
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Logs in (the login form): a new session cookie, then back to the page asked for")
    public Response logIn(@FormParam("name") String name, @FormParam("password") String password, @FormParam("next") String next,
                          @FormParam("_login") String loginToken, @CookieParam(LOGIN_COOKIE) String loginCookie,
                          @CookieParam(CallerAuthentication.SESSION_COOKIE) String session, @CookieParam(PageLocale.COOKIE) String langCookie,
                          @Context HttpHeaders headers, @Context RoutingContext http) {
        Locale locale = PageLocale.pick(null, langCookie, headers.getAcceptableLanguages());
        Labels words = labels(locale);
        if (!Secrets.matches(loginCookie, loginToken)) {
            return loginForm(safeNext(next), words.loginFailed(), locale, 403, secure(http));
        }
        trail.actor(name == null ? "" : name);
        Logins.Outcome outcome = logins.logIn(name, password, session);
        trail.after(Map.of("outcome", outcome instanceof Logins.Outcome.LoggedIn ? "logged in" : outcome instanceof Logins.Outcome.Wait ? "locked out"
                : "refused"));
        if (outcome instanceof Logins.Outcome.LoggedIn in) {
            URI to = URI.create(in.mustChangePassword() ? "/account/password" : safeNext(next));
            return Response.seeOther(to).cookie(sessionCookie(in.sessionId(), logins.sessionSeconds(), secure(http)))
                    .cookie(new NewCookie.Builder(LOGIN_COOKIE).value("").path("/login").maxAge(0).build()).build();
        }
        if (outcome instanceof Logins.Outcome.Wait wait) {
            return Response.fromResponse(loginForm(safeNext(next), words.lockedOut(wait.seconds()), locale, 429, secure(http)))
                    .header("Retry-After", wait.seconds()).build();
        }
        return loginForm(safeNext(next), words.loginFailed(), locale, 401, secure(http));
    }

    @POST
    @Path("logout")
    @RolesAllowed({Roles.VIEWER, Roles.PASSWORD_CHANGE})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Logs out (the header's button): the session ends on the server, not only in this browser")
    public Response logOut(@FormParam("_csrf") String token, @CookieParam(CallerAuthentication.SESSION_COOKIE) String session,
                           @Context RoutingContext http) {
        csrf.check(token);
        logins.logOut(session);
        return Response.seeOther(URI.create("/login")).cookie(sessionCookie("", 0, secure(http))).build();
    }

    @GET
    @Path("account/password")
    @RolesAllowed({Roles.VIEWER, Roles.PASSWORD_CHANGE})
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The password change page (HTML)")
    public Response passwordPage(@QueryParam("done") String done, @QueryParam("lang") String lang, @CookieParam(PageLocale.COOKIE) String langCookie,
                                 @Context HttpHeaders headers) {
        Locale locale = PageLocale.pick(lang, langCookie, headers.getAcceptableLanguages());
        return page(Templates.password(caller.get().mustChangePassword(), done != null, null, PageLocale.tag(locale), other(locale)), locale, 200);
    }

    @POST
    @Path("account/password")
    @RolesAllowed({Roles.VIEWER, Roles.PASSWORD_CHANGE})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Changes the person's password (the password page's form); their other sessions end")
    public Response changePassword(@FormParam("_csrf") String token, @FormParam("currentPassword") String current,
                                   @FormParam("newPassword") String replacement, @CookieParam(CallerAuthentication.SESSION_COOKIE) String session,
                                   @CookieParam(PageLocale.COOKIE) String langCookie, @Context HttpHeaders headers) {
        csrf.check(token);
        Locale locale = PageLocale.pick(null, langCookie, headers.getAcceptableLanguages());
        if (!caller.isPerson()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        try {
            logins.changePassword(caller.getName(), current, replacement, session);
        } catch (ApiException e) {
            String reason = e.errors.isEmpty() ? e.getMessage() : e.errors.get(0).field() + ": " + e.errors.get(0).reason();
            return page(Templates.password(caller.get().mustChangePassword(), false, reason, PageLocale.tag(locale), other(locale)), locale, 400);
        }
        return Response.seeOther(URI.create("/account/password?done=1")).build();
    }

    private Response loginForm(String next, String error, Locale locale, int status, boolean secure) {
        String token = Secrets.token(24);
        return Response.fromResponse(page(Templates.login(token, next, error, PageLocale.tag(locale), other(locale)), locale, status))
                .cookie(new NewCookie.Builder(LOGIN_COOKIE).value(token).path("/login").httpOnly(true).secure(secure)
                        .sameSite(NewCookie.SameSite.STRICT).maxAge(3600).build())
                .build();
    }

    private static Response page(TemplateInstance page, Locale locale, int status) {
        return Response.status(status).entity(page.setLocale(locale).render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Language", PageLocale.tag(locale)).header("Cache-Control", "no-store").build();
    }

    private static NewCookie sessionCookie(String value, long maxAge, boolean secure) {
        // Lax, not Strict: a link to a camera page from an alert e-mail or chat should open logged in.
        return new NewCookie.Builder(CallerAuthentication.SESSION_COOKIE).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge((int) maxAge).build();
    }

    /** Only a path on this site: a login link cannot send the person elsewhere afterwards. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.contains("\n") || next.contains("\r")) {
            return "/";
        }
        try {
            // A next typed by hand may be no URI at all (a space, a brace): home, rather than a failed login.
            return URI.create(next).isAbsolute() ? "/" : next;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    private static boolean secure(RoutingContext http) {
        String forwarded = http.request().getHeader("X-Forwarded-Proto");
        return http.request().isSSL() || "https".equalsIgnoreCase(forwarded);
    }

    private static String other(Locale locale) {
        return locale == PageLocale.EN ? "zh" : "en";
    }

    private Labels labels(Locale locale) {
        return locale == PageLocale.EN ? english : chinese;
    }
}
