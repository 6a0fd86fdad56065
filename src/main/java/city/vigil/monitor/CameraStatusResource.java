package city.vigil.monitor;

import city.vigil.platform.CallerScope;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cameras/{gbId}/status")
@Tag(name = "Status")
@Produces(MediaType.APPLICATION_JSON)
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
