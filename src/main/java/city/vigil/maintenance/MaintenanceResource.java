package city.vigil.maintenance;

import city.vigil.access.Roles;
import city.vigil.platform.ApiException;
import city.vigil.platform.AuditTrail;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Page;
import city.vigil.platform.Params;
import city.vigil.platform.Problem;
import city.vigil.platform.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/maintenance-windows")
@Tag(name = "Maintenance windows", description = "Planned work: covered channels leave the rates and open no outages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class MaintenanceResource {

    @Inject
    AuditTrail trail;
    @Inject
    MaintenanceService service;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "List maintenance windows", description = "Newest first; `active=true` for those in effect now.")
    public Page<MaintenanceView> list(@QueryParam("active") String active, @QueryParam("after") String after,
                                      @QueryParam("limit") Integer limit) {
        return service.list(scope.get(), Params.bool("active", active), Params.wholeNumber("after", after), Page.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a maintenance window")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        MaintenanceWindow w = service.get(scope.get(), pathId(id));
        return Response.ok(MaintenanceView.of(w, Instant.now())).tag(Versions.etag(w.version)).build();
    }

    @POST
    @Operation(summary = "Plan a maintenance window", description = "Scope: any of gbIds, area (subtree), pointClasses, maintainerUnit, ANDed. "
            + "recurrence DAILY or WEEKLY repeats the window until `until`.")
    @RolesAllowed(Roles.OPERATOR)
    public Response create(MaintenanceRequest request, @Context UriInfo uri) {
        MaintenanceWindow w = service.create(scope.get(), Params.body(request));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(w.id)).build()).tag(Versions.etag(w.version))
                .entity(MaintenanceView.of(w, Instant.now())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a maintenance window")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.OPERATOR)
    public Response update(@PathParam("id") String id, MaintenanceRequest request, @HeaderParam("If-Match") String ifMatch) {
        trail.before(() -> get(id));
        MaintenanceWindow w = Versions.write(ifMatch, () -> service.update(scope.get(), pathId(id), Params.body(request), ifMatch));
        return Response.ok(MaintenanceView.of(w, Instant.now())).tag(Versions.etag(w.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a maintenance window", description = "Covered channels return to the rates at once.")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.OPERATOR)
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        trail.before(() -> get(id));
        Versions.write(ifMatch, () -> service.delete(scope.get(), pathId(id), ifMatch));
        return Response.noContent().build();
    }

    private static long pathId(String value) {
        Long id = Params.wholeNumber("id", value);
        if (id == null) {
            throw ApiException.notFound("Maintenance window", value);
        }
        return id;
    }
}
