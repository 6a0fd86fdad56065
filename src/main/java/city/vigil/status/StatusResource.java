package city.vigil.status;

import city.vigil.access.Roles;
import city.vigil.camera.CameraFilterParams;
import city.vigil.platform.ApiException;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Page;
import city.vigil.platform.Params;
import city.vigil.platform.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/status")
@Tag(name = "Status", description = "Live channel states from the liveness monitor")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class StatusResource {

    @Inject
    StatusService service;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "List channel statuses", description = "The camera list's filters plus state and flapping. Ordered by area, then gbId; pass `next` as `after`.")
    public Page<StatusService.Item> list(@BeanParam CameraFilterParams filter,
                                         @Parameter(description = "States, comma-separated: UNKNOWN, ONLINE, DEGRADED, OFFLINE, UNREACHABLE")
                                         @QueryParam("state") String state,
                                         @QueryParam("flapping") String flapping, @QueryParam("after") String after,
                                         @QueryParam("limit") Integer limit) {
        return service.list(scope.get(), filter.toFilter(), states(state), Params.bool("flapping", flapping), Params.blankToNull(after),
                Page.limit(limit));
    }

    private static List<LinkState> states(String value) {
        if (Params.blankToNull(value) == null) {
            return null;
        }
        List<LinkState> states = new ArrayList<>();
        for (String part : value.split(",")) {
            LinkState s = Params.enumValue("state", part, LinkState.class);
            if (s == null) {
                throw ApiException.invalid("state", "has an empty entry");
            }
            states.add(s);
        }
        return states;
    }
}
