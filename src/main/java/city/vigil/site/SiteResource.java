package city.vigil.site;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sites")
@Tag(name = "Key sites", description = "重点部位 that must be covered, with their coverage rule")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class SiteResource {

    @Inject
    AuditTrail trail;
    @Inject
    SiteService service;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "List key sites")
    public Page<SiteView> list(@QueryParam("area") String area, @QueryParam("category") String category,
                               @QueryParam("q") String text, @QueryParam("after") String after,
                               @QueryParam("limit") Integer limit) {
        return service.list(scope.get(), Params.blankToNull(area), Params.enumValue("category", category, SiteCategory.class),
                Params.blankToNull(text), cursor(after), Page.limit(limit));
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get a key site")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("code") String code) {
        Site s = service.get(scope.get(), code);
        return Response.ok(SiteView.of(s)).tag(Versions.etag(s.version)).build();
    }

    @POST
    @Operation(summary = "Create a key site")
    @APIResponse(responseCode = "409", description = "The code or GB ID is registered already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ADMIN)
    public Response create(SiteRequest request, @Context UriInfo uri) {
        Site s = service.create(scope.get(), Params.body(request));
        return Response.created(uri.getAbsolutePathBuilder().path(s.code).build()).tag(Versions.etag(s.version))
                .entity(SiteView.of(s)).build();
    }

    @PUT
    @Path("/{code}")
    @Operation(summary = "Replace a key site")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ADMIN)
    public Response update(@PathParam("code") String code, SiteRequest request, @HeaderParam("If-Match") String ifMatch) {
        trail.before(() -> get(code));
        Site s = Versions.write(ifMatch, () -> service.update(scope.get(), code, Params.body(request), ifMatch));
        return Response.ok(SiteView.of(s)).tag(Versions.etag(s.version)).build();
    }

    @DELETE
    @Path("/{code}")
    @Operation(summary = "Delete a key site")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch) {
        trail.before(() -> get(code));
        Versions.write(ifMatch, () -> service.delete(scope.get(), code, ifMatch));
        return Response.noContent().build();
    }

    /** Site codes are free text: a cursor must name a site this caller can see. */
    private String cursor(String after) {
        String a = Params.blankToNull(after);
        if (a != null && service.find(scope.get(), a.trim()).isEmpty()) {
            throw city.vigil.platform.ApiException.invalid("after", "names no site: pass the next of the previous page");
        }
        return a == null ? null : a.trim();
    }
}
