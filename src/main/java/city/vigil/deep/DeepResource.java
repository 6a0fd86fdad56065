package city.vigil.deep;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/deep")
@Tag(name = "Deep checks")
@Produces(MediaType.APPLICATION_JSON)
public class DeepResource {

    @Inject
    DeepService deep;

    @GET
    @Operation(summary = "Deep tier progress", description = "Concurrency, checks in flight, checked and failed so far, and each sweep's "
            + "interval, channels and how many were dispatched.")
    public DeepService.Progress progress() {
        return deep.progress();
    }
}
