package city.vigil.rates;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rates")
@Tag(name = "Rates", description = "Online rate, networking rate and record completeness by area, class, maintainer and owner")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class RatesResource {

    @Inject
    RatesService service;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "Rates now", description = "Online rate = (ONLINE + DEGRADED) / monitored (in use, not in maintenance, state known). "
            + "Networking rate and completeness are over cameras in use.")
    public Rates rates(@Parameter(description = "Area code: its subtree (default: everything)") @QueryParam("area") String area,
                       @Parameter(description = "district, street, community, grid, pointClass, maintainer or owner (default: totals only); or two: an area level "
                               + "then pointClass, maintainer or owner (district,pointClass): each group then lists its cells in groups") @QueryParam("groupBy") String groupBy) {
        return service.rates(scope.get(), Params.blankToNull(area), groupBy);
    }
}
