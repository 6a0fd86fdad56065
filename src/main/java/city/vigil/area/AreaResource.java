package city.vigil.area;

import city.vigil.access.Roles;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/areas")
@Tag(name = "Areas", description = "Administrative tree: city → district → street → community → grid")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class AreaResource {

    @Inject
    AuditTrail trail;
    @Inject
    AreaService service;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "List areas", description = "Keyset-paginated by code. `under` lists a whole subtree (without its root).")
    public Page<AreaView> list(@QueryParam("level") String level, @QueryParam("parent") String parent,
                               @QueryParam("under") String under, @QueryParam("q") String text,
                               @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        AreaFilter filter = new AreaFilter(Params.enumValue("level", level, AreaLevel.class), Params.blankToNull(parent),
                Params.blankToNull(under), Params.blankToNull(text));
        return service.list(scope.get(), filter, cursor(after), Page.limit(limit));
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get an area with its ancestors")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("code") String code) {
        Area area = service.get(scope.get(), code);
        return Response.ok(AreaView.of(area, service.ancestors(area))).tag(Versions.etag(area.version)).build();
    }

    @GET
    @Path("/{code}/children")
    @Operation(summary = "List the direct children of an area")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<AreaView> children(@PathParam("code") String code, @QueryParam("after") String after,
                                   @QueryParam("limit") Integer limit) {
        service.get(scope.get(), code);
        return service.list(scope.get(), new AreaFilter(null, code, null, null), cursor(after), Page.limit(limit));
    }

    @POST
    @Operation(summary = "Create an area")
    @APIResponse(responseCode = "409", description = "The code or GB ID is registered already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ADMIN)
    public Response create(AreaRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        Area area = service.create(scope.get(), Params.body(request));
        return Response.created(uri.getAbsolutePathBuilder().path(area.code).build())
                .tag(Versions.etag(area.version)).entity(AreaView.of(area, service.ancestors(area))).build();
    }

    @PUT
    @Path("/{code}")
    @Operation(summary = "Replace an area", description = "Changing `parentCode` moves the whole subtree. Send `If-Match` to guard against lost updates.")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ADMIN)
    public Response update(@PathParam("code") String code, AreaRequest request, @HeaderParam("If-Match") String ifMatch) {
        trail.before(() -> get(code));
        Area area = Versions.write(ifMatch, () -> service.update(scope.get(), code, Params.body(request), ifMatch));
        return Response.ok(AreaView.of(area, service.ancestors(area))).tag(Versions.etag(area.version)).build();
    }

    @DELETE
    @Path("/{code}")
    @Operation(summary = "Delete an area", description = "Refused (409) while it has children or registry records.")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Still referenced (an area with cameras or children, a camera that a checkpoint lane captures with)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch) {
        trail.before(() -> get(code));
        Versions.write(ifMatch, () -> service.delete(scope.get(), code, ifMatch));
        return Response.noContent().build();
    }

    /** Area codes of grids are free text: a cursor must name an area this caller can see. */
    private String cursor(String after) {
        String a = Params.blankToNull(after);
        if (a != null && service.find(scope.get(), a.trim()).isEmpty()) {
            throw city.vigil.platform.ApiException.invalid("after", "names no area: pass the next of the previous page");
        }
        return a == null ? null : a.trim();
    }
}
