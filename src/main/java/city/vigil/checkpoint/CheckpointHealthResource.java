package city.vigil.checkpoint;

import city.vigil.access.Roles;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Params;
import city.vigil.platform.Problem;
import city.vigil.platform.Unaudited;
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

@Path("/api/v1/checkpoints/{gbId}")
@Tag(name = "Checkpoints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class CheckpointHealthResource {

    @Inject
    CheckpointHealthService service;
    @Inject
    CallerScope scope;

    @POST
    @Path("/heartbeats")
    @Operation(summary = "Report pass records (from the checkpoint platform)", description = "Per lane: passes since the last heartbeat "
            + "and the newest capture time; optionally sampled records with capture and receive times for timeliness and clock accuracy.")
    @RolesAllowed(Roles.INTEGRATOR)
    @Unaudited("a checkpoint system's report every minute: telemetry, not a change someone made")
    public CheckpointHealthView heartbeat(@PathParam("gbId") String gbId, HeartbeatRequest request) {
        return service.heartbeat(scope.get(), gbId, Params.body(request));
    }

    @GET
    @Path("/status")
    @Operation(summary = "A checkpoint's health", description = "State from its lanes' capture channels (some down: DEGRADED, all down: "
            + "OFFLINE), stale when no heartbeat arrived within vigil.checkpoint.stale-after, upload quality over `hours` (default 24).")
    public CheckpointHealthView status(@PathParam("gbId") String gbId, @QueryParam("hours") String hours) {
        return service.health(scope.get(), gbId, CheckpointRatesResource.hours(hours));
    }
}
