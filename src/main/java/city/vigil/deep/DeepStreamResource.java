package city.vigil.deep;

import city.vigil.access.Roles;
import city.vigil.camera.Camera;
import city.vigil.camera.CameraService;
import city.vigil.platform.ApiException;
import city.vigil.platform.AuditTrail;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cameras/{gbId}/deep-stream")
@Tag(name = "Deep checks")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class DeepStreamResource {

    /** Body of PUT. */
    public record Choice(String stream) {
    }

    @Inject
    AuditTrail trail;
    @Inject
    DeepStreamChoice choices;
    @Inject
    CameraService cameras;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "Which stream the deep tier decodes", description = "MAIN or SUB; ownChoice false when it is the fleet default (vigil.deep.stream).")
    public DeepStreamChoice.View get(@PathParam("gbId") String gbId) {
        cameras.get(scope.get(), gbId);
        return choices.get(gbId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose the stream the deep tier decodes for this camera", description = "{\"stream\":\"MAIN\"} or SUB; the camera must have that stream.")
    @RolesAllowed(Roles.ADMIN)
    public DeepStreamChoice.View set(@PathParam("gbId") String gbId, Choice choice) {
        trail.before(() -> get(gbId));
        Camera camera = cameras.get(scope.get(), gbId);
        String stream = choice == null || choice.stream() == null ? null : choice.stream().trim().toUpperCase(Locale.ROOT);
        if (!DeepStreamChoice.MAIN.equals(stream) && !DeepStreamChoice.SUB.equals(stream)) {
            throw ApiException.invalid("stream", "must be MAIN or SUB");
        }
        String chosenUrl = stream.equals(DeepStreamChoice.MAIN) ? camera.mainUrl : camera.subUrl;
        if (chosenUrl == null) {
            throw ApiException.invalid("stream", "camera " + gbId + " has no " + stream + " stream");
        }
        return choices.set(gbId, stream);
    }

    @DELETE
    @Operation(summary = "Back to the fleet default stream")
    @RolesAllowed(Roles.ADMIN)
    public DeepStreamChoice.View reset(@PathParam("gbId") String gbId) {
        trail.before(() -> get(gbId));
        cameras.get(scope.get(), gbId);
        return choices.reset(gbId);
    }
}
