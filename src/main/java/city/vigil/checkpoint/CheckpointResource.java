package city.vigil.checkpoint;

import city.vigil.access.Roles;
import city.vigil.camera.Lifecycle;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/checkpoints")
@Tag(name = "Checkpoints", description = "Road checkpoint systems (卡口, GA/T 1400 Tollgate) and their lanes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class CheckpointResource {

    @Inject
    AuditTrail trail;
    @Inject
    CheckpointService service;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "List checkpoints")
    public Page<CheckpointView> list(@QueryParam("area") String area, @QueryParam("usage") String usage,
                                     @QueryParam("lifecycle") String lifecycle, @QueryParam("q") String text,
                                     @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        Integer usageCode = Params.ints("usage", usage, 80, 81, 82).stream().findFirst().orElse(null);
        return service.list(scope.get(), Params.blankToNull(area), usageCode,
                Params.enumValue("lifecycle", lifecycle, Lifecycle.class), Params.blankToNull(text),
                Params.gbIdCursor("after", after), Page.limit(limit));
    }

    @GET
    @Path("/{gbId}")
    @Operation(summary = "Get a checkpoint")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("gbId") String gbId) {
        Checkpoint c = service.get(scope.get(), gbId);
        return Response.ok(CheckpointView.of(c, null)).tag(Versions.etag(c.version)).build();
    }

    @POST
    @Operation(summary = "Register a checkpoint")
    @APIResponse(responseCode = "409", description = "The code or GB ID is registered already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ADMIN)
    public Response create(CheckpointRequest request, @Context UriInfo uri) {
        CheckpointService.Saved saved = service.create(scope.get(), Params.body(request));
        Checkpoint c = saved.checkpoint();
        return Response.created(uri.getAbsolutePathBuilder().path(c.gbId).build()).tag(Versions.etag(c.version))
                .entity(CheckpointView.of(c, saved.warnings())).build();
    }

    @PUT
    @Path("/{gbId}")
    @Operation(summary = "Replace a checkpoint and its lanes")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ADMIN)
    public Response update(@PathParam("gbId") String gbId, CheckpointRequest request, @HeaderParam("If-Match") String ifMatch) {
        trail.before(() -> get(gbId));
        CheckpointService.Saved saved = Versions.write(ifMatch, () -> service.update(scope.get(), gbId, Params.body(request), ifMatch));
        return Response.ok(CheckpointView.of(saved.checkpoint(), saved.warnings())).tag(Versions.etag(saved.checkpoint().version)).build();
    }

    @DELETE
    @Path("/{gbId}")
    @Operation(summary = "Delete a checkpoint")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("gbId") String gbId, @HeaderParam("If-Match") String ifMatch) {
        trail.before(() -> get(gbId));
        Versions.write(ifMatch, () -> service.delete(scope.get(), gbId, ifMatch));
        return Response.noContent().build();
    }
}
