package city.vigil.outage;

import city.vigil.access.Roles;
import city.vigil.platform.ApiException;
import city.vigil.platform.AuditTrail;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Page;
import city.vigil.platform.Params;
import city.vigil.platform.Problem;
import city.vigil.probe.ProbeCause;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/outages")
@Tag(name = "Outages", description = "Outage history of channels, newest first, and operators' acknowledgements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.INTEGRATOR)
public class OutageResource {

    @Inject
    AuditTrail trail;
    @Inject
    OutageService service;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "List outages", description = "Newest first; keyset-paginated by id. Filters: state (open or closed), area "
            + "subtree, pointClass (comma-separated), maintainer unit, cause (a probe cause or an image fault), gbId, from/to (outages that "
            + "overlap the period, ISO-8601).")
    public Page<OutageView> list(@QueryParam("area") String area, @QueryParam("state") String state, @QueryParam("open") String open,
                                 @QueryParam("cause") String cause, @QueryParam("gbId") String gbId, @QueryParam("pointClass") String pointClass,
                                 @QueryParam("maintainer") String maintainer, @QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        Boolean isOpen = Params.bool("open", open);
        String s = Params.blankToNull(state);
        if (s != null) {
            if (!s.equals("open") && !s.equals("closed")) {
                throw ApiException.invalid("state", "must be open or closed");
            }
            isOpen = s.equals("open");
        }
        String c = Params.blankToNull(cause);
        if (c != null && !KNOWN_CAUSES.contains(c.toUpperCase(java.util.Locale.ROOT))) {
            throw ApiException.invalid("cause", "'" + c + "' is not a probe cause (" + String.join(", ", PROBE_CAUSES) + ") or an image fault ("
                    + String.join(", ", IMAGE_FAULTS) + ")");
        }
        java.time.Instant f = Params.instant("from", from);
        java.time.Instant t = Params.instant("to", to);
        if (f != null && t != null && !f.isBefore(t)) {
            throw ApiException.invalid("to", "must be after from");
        }
        return service.list(scope.get(), new OutageService.Filter(Params.blankToNull(area), isOpen, c == null ? null : c.toUpperCase(java.util.Locale.ROOT),
                Params.blankToNull(gbId), Params.ints("pointClass", pointClass, 1, 2, 3, 4, 9), Params.blankToNull(maintainer), f, t),
                Params.wholeNumber("after", after), Page.limit(limit));
    }

    private static final java.util.List<String> PROBE_CAUSES = java.util.Arrays.stream(ProbeCause.values()).map(Enum::name).toList();
    private static final java.util.List<String> IMAGE_FAULTS = java.util.Arrays.stream(city.vigil.probe.ImageFault.values()).map(Enum::name).toList();
    private static final java.util.Set<String> KNOWN_CAUSES = new java.util.HashSet<>(PROBE_CAUSES);

    static {
        KNOWN_CAUSES.addAll(IMAGE_FAULTS);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an outage")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OutageView get(@PathParam("id") String id) {
        Long outage = Params.wholeNumber("id", id);
        return service.find(scope.get(), outage == null ? -1 : outage).orElseThrow(() -> ApiException.notFound("Outage", id));
    }

    @POST
    @Path("/{id}/ack")
    @Operation(summary = "Acknowledge an outage", description = "Records who (`by`) and why (`note`); a later acknowledgement replaces it.")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Acknowledged already: the first acknowledgement stands", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.OPERATOR)
    public OutageView acknowledge(@PathParam("id") String id, AckRequest request) {
        trail.before(() -> get(id));
        Long outage = Params.wholeNumber("id", id);
        return service.acknowledge(scope.get(), outage == null ? -1 : outage, Params.body(request));
    }
}
