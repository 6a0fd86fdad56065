package city.vigil.status;

import city.vigil.access.Roles;
import city.vigil.camera.CameraService;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Page;
import city.vigil.platform.Params;
import city.vigil.platform.Problem;
import city.vigil.platform.Timestamps;
import city.vigil.probe.ProbeCause;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cameras/{gbId}/transitions")
@Tag(name = "Status")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class TransitionResource {

    @Inject
    EntityManager em;
    @Inject
    CameraService cameras;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "A camera's state history", description = "Newest first; keyset-paginated by id. Kept after the camera is deleted "
            + "(use the outage list then).")
    public Page<Transition> list(@PathParam("gbId") String gbId, @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        cameras.get(scope.get(), gbId);
        int n = Page.limit(limit);
        Long before = Params.wholeNumber("after", after);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, at, from_state, to_state, cause, flapping FROM state_transition "
                        + "WHERE gb_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT " + (n + 1))
                .setParameter(1, gbId).setParameter(2, before == null ? Long.MAX_VALUE : before).getResultList();
        return Page.of(rows, n, r -> String.valueOf(((Number) r[0]).longValue()), r -> new Transition(((Number) r[0]).longValue(),
                Timestamps.instant(r[1]), LinkState.valueOf((String) r[2]), LinkState.valueOf((String) r[3]),
                r[4] == null ? null : ProbeCause.valueOf((String) r[4]), Boolean.TRUE.equals(r[5])));
    }
}
