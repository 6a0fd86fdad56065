package city.vigil.monitor;

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

@Path("/api/v1/monitor")
@Tag(name = "Status")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class MonitorResource {

    @Inject
    MonitorService monitor;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "The liveness monitor itself", description = "Channels, probes in flight and queued, skipped probes, pending writes, "
            + "status store, and whether the prober is suspect (most probes failing at once across districts).")
    public MonitorService.Info info() {
        scope.requireEverything("Monitor");
        return monitor.info();
    }
}
