package city.vigil.deep;

import city.vigil.access.Roles;
import city.vigil.camera.CameraService;
import city.vigil.platform.ApiError;
import city.vigil.platform.ApiException;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cameras/{gbId}/diagnosis")
@Tag(name = "Deep checks", description = "Decoded pictures: diagnosis, snapshot, sweep progress")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class DiagnosisResource {

    @Inject
    DeepService deep;
    @Inject
    DiagnosisStore store;
    @Inject
    CameraService cameras;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "A camera's newest diagnosis", description = "Decoded or why not; faults (primary first) and every verdict's "
            + "score, threshold, confidence and evidence; time to first frame, codec, size, fps, bitrate, GOP.")
    public DiagnosisView get(@PathParam("gbId") String gbId) {
        cameras.get(scope.get(), gbId);
        return store.find(gbId).orElseThrow(() -> ApiException.notFound("Diagnosis of camera", gbId));
    }

    @POST
    @Operation(summary = "Check a camera now", description = "Decodes and diagnoses at once on the deep pool (blocking: up to the grab deadline, "
            + "plus any wait for a pool slot); 503 when the device or the pool has no room.")
    @RolesAllowed(Roles.OPERATOR)
    public DiagnosisView checkNow(@PathParam("gbId") String gbId) {
        cameras.get(scope.get(), gbId);
        try {
            return deep.checkNow(gbId).orElseThrow(() -> ApiException.notFound("Stream of camera", gbId));
        } catch (DeepService.DeviceBusy e) {
            throw new ApiException(ApiError.DEVICE_BUSY, e.getMessage());
        } catch (DeepService.PoolBusy e) {
            throw new ApiException(ApiError.DEEP_BUSY, e.getMessage());
        }
    }

    @DELETE
    @Path("/baseline")
    @Operation(summary = "Forget the learned scene", description = "After a camera was re-aimed on purpose: its next healthy picture becomes the baseline.")
    @RolesAllowed(Roles.OPERATOR)
    public Response resetBaseline(@PathParam("gbId") String gbId) {
        cameras.get(scope.get(), gbId);
        store.resetBaseline(gbId);
        return Response.noContent().build();
    }
}
