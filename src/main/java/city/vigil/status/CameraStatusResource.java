package city.vigil.status;

import city.vigil.access.Roles;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cameras/{gbId}/status")
@Tag(name = "Status")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class CameraStatusResource {

    @Inject
    StatusService service;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "A camera's live status", description = "State and since when, cause, flapping, whether it counts in the rates, "
            + "the newest probe (latency, cause, detail), last seen up, next probe.")
    public ChannelView get(@PathParam("gbId") String gbId) {
        return service.status(scope.get(), gbId);
    }
}
