package city.vigil.audit;

import city.vigil.access.Roles;
import city.vigil.platform.ApiException;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Page;
import city.vigil.platform.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log, read-only: there is no operation that changes or deletes a row. */
@Path("/api/v1/audit")
@Tag(name = "Access")
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    @Inject
    AuditLog log;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "Read the audit log", description = "Newest first; before=<id> reads on. Filters: actor (user:…, key:vgl_…, login:…), "
            + "action (prefix, e.g. PUT /api/v1/cameras), from, to (ISO-8601). An area-scoped admin reads what callers scoped inside its areas did.")
    public Page<AuditEvent> list(@QueryParam("actor") String actor, @QueryParam("action") String action, @QueryParam("from") String from,
                                 @QueryParam("to") String to, @QueryParam("before") String before, @QueryParam("limit") Integer limit) {
        return log.list(scope.get(), new AuditLog.Filter(Params.blankToNull(actor), Params.blankToNull(action), instant("from", from), instant("to", to)),
                Params.wholeNumber("before", before), Page.limit(limit));
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "is not an ISO-8601 instant (2026-12-03T08:00:00Z)");
        }
    }
}
