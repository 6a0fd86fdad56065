package city.vigil.availability;

import city.vigil.access.Roles;
import city.vigil.camera.CameraService;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Params;
import city.vigil.platform.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cameras/{gbId}/availability")
@Tag(name = "Availability")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class CameraAvailabilityResource {

    /** One channel's figures over the period. */
    public record ChannelAvailability(String gbId, Instant from, Instant to, Double availability, Availability figures) {
    }

    @Inject
    AvailabilityService service;
    @Inject
    CameraService cameras;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "One camera's availability", description = "Exact, from its own state history; the last 24 hours by default.")
    public ChannelAvailability channel(@PathParam("gbId") String gbId, @QueryParam("from") String from, @QueryParam("to") String to) {
        cameras.get(scope.get(), gbId);
        Instant t = Params.instant("to", to);
        Instant f = Params.instant("from", from);
        Instant end = t == null ? Instant.now() : t;
        Instant start = f == null ? end.minus(java.time.Duration.ofDays(1)) : f;
        Availability a = service.channel(gbId, start, end);
        return new ChannelAvailability(gbId, start, end, a.availability(), a);
    }
}
