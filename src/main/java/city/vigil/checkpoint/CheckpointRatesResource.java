package city.vigil.checkpoint;

import city.vigil.access.Roles;
import city.vigil.platform.ApiException;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Params;
import city.vigil.platform.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rates/checkpoints")
@Tag(name = "Rates")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class CheckpointRatesResource {

    @Inject
    CheckpointHealthService service;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "Checkpoint rates", description = "Activity, upload timeliness and clock accuracy over `hours` (default 24), "
            + "and lane-derived states now; by district or street.")
    public CheckpointRates rates(@QueryParam("area") String area, @QueryParam("groupBy") String groupBy, @QueryParam("hours") String hours) {
        return service.rates(scope.get(), Params.blankToNull(area), Params.blankToNull(groupBy), hours(hours));
    }

    static int hours(String value) {
        Long hours = Params.wholeNumber("hours", value);
        if (hours == null) {
            return 24;
        }
        if (hours < 1 || hours > 24 * 92) {
            throw ApiException.invalid("hours", "must be between 1 and 2208 (92 days)");
        }
        return hours.intValue();
    }
}
