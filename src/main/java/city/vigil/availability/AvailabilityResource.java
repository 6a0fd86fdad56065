package city.vigil.availability;

import city.vigil.access.Roles;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/availability")
@Tag(name = "Availability", description = "Up time over any period, per channel and per group, from hourly and daily rollups")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class AvailabilityResource {

    @Inject
    AvailabilityService service;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "Availability by group", description = "availability = up / (up + down) in channel-seconds; maintenance, unknown and "
            + "out-of-service time in their own columns. groupBy: district, street, pointClass, maintainer, owner, siteCategory. Outages started in the "
            + "period, MTTR = down / outages, MTBF = up / outages, the longest outage inside the period. from/to (ISO-8601) are widened to "
            + "whole hours; the last 24 hours by default.")
    public AvailabilityReport groups(@QueryParam("area") String area, @QueryParam("groupBy") String groupBy,
                                     @QueryParam("pointClass") String pointClass, @QueryParam("maintainer") String maintainer,
                                     @QueryParam("from") String from, @QueryParam("to") String to) {
        List<Integer> classes = Params.ints("pointClass", pointClass, 1, 2, 3, 4, 9);
        if (classes.size() > 1) {
            throw city.vigil.platform.ApiException.invalid("pointClass", "one class at a time; group by pointClass for all of them");
        }
        return service.groups(scope.get(), Params.blankToNull(area), groupBy, classes.isEmpty() ? null : classes.get(0), Params.blankToNull(maintainer),
                Params.instant("from", from), Params.instant("to", to));
    }
}
