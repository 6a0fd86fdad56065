package city.vigil.camera;

import city.vigil.access.Roles;
import city.vigil.platform.ApiException;
import city.vigil.platform.AuditTrail;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Checks;
import city.vigil.platform.Page;
import city.vigil.platform.Params;
import city.vigil.platform.Problem;
import city.vigil.platform.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cameras")
@Tag(name = "Cameras", description = "Camera channels keyed by GB/T 28181 ID")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class CameraResource {

    @Inject
    AuditTrail trail;
    @Inject
    CameraService service;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "List cameras", description = "Keyset-paginated by gbId: pass `next` as `after`.")
    public Page<CameraView> list(@BeanParam CameraFilterParams filter, @QueryParam("after") String after,
                                 @QueryParam("limit") Integer limit) {
        return service.list(scope.get(), filter.toFilter(), Params.gbIdCursor("after", after), Page.limit(limit));
    }

    @GET
    @Path("/counts")
    @Operation(summary = "Count cameras by group", description = "groupBy: one to three of city, district, street, community, grid, area, pointClass, cameraType, lifecycle, ownerUnit, maintainerUnit, networked.")
    public CameraCounts counts(@QueryParam("groupBy") String groupBy, @BeanParam CameraFilterParams filter) {
        return service.counts(scope.get(), filter.toFilter(), CameraGroup.parse(groupBy));
    }

    @GET
    @Path("/{gbId}")
    @Operation(summary = "Get a camera")
    @APIResponse(responseCode = "404", description = "No such camera", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("gbId") String gbId) {
        Camera camera = service.get(scope.get(), gbId);
        return Response.ok(CameraView.of(camera, service.sitesOf(gbId), null)).tag(Versions.etag(camera.version)).build();
    }

    @POST
    @Operation(summary = "Register a camera", description = "Credentials in stream URLs are moved to encrypted storage. `warnings` flags ledger inconsistencies that are not errors.")
    @APIResponse(responseCode = "409", description = "gbId already registered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ADMIN)
    public Response create(CameraRequest request, @Context UriInfo uri) {
        CameraService.Saved saved = service.create(scope.get(), Params.body(request));
        Camera c = saved.camera();
        return Response.created(uri.getAbsolutePathBuilder().path(c.gbId).build()).tag(Versions.etag(c.version))
                .entity(CameraView.of(c, service.sitesOf(c.gbId), saved.warnings())).build();
    }

    @PUT
    @Path("/{gbId}")
    @Operation(summary = "Replace a camera", description = "Send `If-Match` with the ETag you read; a stale one gets 412.")
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ADMIN)
    public Response update(@PathParam("gbId") String gbId, CameraRequest request, @HeaderParam("If-Match") String ifMatch) {
        trail.before(() -> get(gbId));
        CameraService.Saved saved = Versions.write(ifMatch, () -> service.update(scope.get(), gbId, Params.body(request), ifMatch));
        Camera c = saved.camera();
        return Response.ok(CameraView.of(c, service.sitesOf(gbId), saved.warnings())).tag(Versions.etag(c.version)).build();
    }

    @DELETE
    @Path("/{gbId}")
    @Operation(summary = "Delete a camera")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Still referenced (an area with cameras or children, a camera that a checkpoint lane captures with)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("gbId") String gbId, @HeaderParam("If-Match") String ifMatch) {
        trail.before(() -> get(gbId));
        Versions.write(ifMatch, () -> service.delete(scope.get(), gbId, ifMatch));
        return Response.noContent().build();
    }

    @PUT
    @Path("/{gbId}/streams/{stream}/credentials")
    @Operation(summary = "Set a stream's credentials", description = "Stored encrypted (AES-GCM); never returned. stream: main or sub.")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ADMIN)
    public Response setCredentials(@PathParam("gbId") String gbId, @PathParam("stream") String stream,
                                   CredentialsRequest request, @HeaderParam("If-Match") String ifMatch) {
        trail.before(() -> get(gbId));
        CredentialsRequest body = Params.body(request);
        Checks checks = new Checks();
        if (checks.required("username", body.username())) {
            checks.maxLength("username", body.username(), 128);
            if (body.username().contains(":")) {
                checks.fail("username", "must not contain ':'");
            }
        }
        checks.maxLength("password", body.password(), 256);
        checks.throwIfAny();
        Camera c = Versions.write(ifMatch, () -> service.setCredentials(scope.get(), gbId, stream(stream), body.username(), body.password(), ifMatch));
        return Response.noContent().tag(Versions.etag(c.version)).build();
    }

    @DELETE
    @Path("/{gbId}/streams/{stream}/credentials")
    @Operation(summary = "Clear a stream's credentials")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Still referenced (an area with cameras or children, a camera that a checkpoint lane captures with)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ADMIN)
    public Response clearCredentials(@PathParam("gbId") String gbId, @PathParam("stream") String stream,
                                     @HeaderParam("If-Match") String ifMatch) {
        trail.before(() -> get(gbId));
        Camera c = Versions.write(ifMatch, () -> service.setCredentials(scope.get(), gbId, stream(stream), null, null, ifMatch));
        return Response.noContent().tag(Versions.etag(c.version)).build();
    }

    private static String stream(String stream) {
        String s = stream.toUpperCase(Locale.ROOT);
        if (!s.equals("MAIN") && !s.equals("SUB")) {
            throw ApiException.invalid("stream", "must be main or sub");
        }
        return s;
    }
}
