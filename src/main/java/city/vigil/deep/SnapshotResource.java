package city.vigil.deep;

import city.vigil.access.Roles;
import city.vigil.camera.CameraService;
import city.vigil.platform.ApiException;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Date;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cameras/{gbId}/snapshot")
@Tag(name = "Deep checks")
@APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.OPERATOR)
public class SnapshotResource {

    @Inject
    DiagnosisStore store;
    @Inject
    CameraService cameras;
    @Inject
    CallerScope scope;

    @GET
    @Produces("image/jpeg")
    @Operation(summary = "The newest decoded picture", description = "A 320 px wide JPEG; Last-Modified and X-Snapshot-Time say when it was taken.")
    public Response get(@PathParam("gbId") String gbId) {
        cameras.get(scope.get(), gbId);
        DiagnosisStore.Snapshot s = store.snapshot(gbId).orElseThrow(() -> ApiException.notFound("Snapshot of camera", gbId));
        return Response.ok(s.jpeg(), "image/jpeg").lastModified(Date.from(s.takenAt())).header("X-Snapshot-Time", s.takenAt().toString())
                .header("Cache-Control", "no-cache").build();
    }
}
