package city.vigil.deep;

import city.vigil.access.Roles;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/deep")
@Tag(name = "Deep checks")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class DeepResource {

    @Inject
    DeepService deep;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "Deep tier progress", description = "Concurrency, checks in flight, checked and failed so far, and each sweep's "
            + "interval, channels and how many were dispatched.")
    public DeepService.Progress progress() {
        scope.requireEverything("Deep sweep");
        return deep.progress();
    }
}
