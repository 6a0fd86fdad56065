package city.vigil.coverage;

import city.vigil.access.Roles;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Page;
import city.vigil.platform.Params;
import city.vigil.platform.Problem;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

@Path("/api/v1/coverage")
@Tag(name = "Coverage", description = "Which key sites and grids the city sees right now, and the blind spots")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.INTEGRATOR)
public class CoverageResource {

    @Inject
    CoverageQueries queries;
    @Inject
    CoverageMap map;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "Coverage of an area", description = "Site coverage (a site is covered when its rule's number of cameras of a class "
            + "≤ its rule's class are ONLINE — a DEGRADED picture does not cover — and see it), grid coverage (grids with an online camera), "
            + "effective coverage (intact / registered), density (cameras per km², by class in the total). groupBy: district, street, "
            + "category (site figures), pointClass (channel figures).")
    public CoverageReport report(@QueryParam("area") String area, @QueryParam("groupBy") String groupBy) {
        return queries.report(scope.get(), Params.blankToNull(area), Params.blankToNull(groupBy));
    }

    @GET
    @Path("/blind-spots")
    @Operation(summary = "Blind spots", description = "Uncovered sites and grids of an area, newest first, each with the cameras that see it "
            + "(their state, since when, why) and since when it is uncovered; limit per list (default 100, at most 500).")
    public BlindSpots blindSpots(@QueryParam("area") String area, @QueryParam("limit") Integer limit) {
        return queries.blindSpots(scope.get(), Params.blankToNull(area), Page.limit(limit));
    }

    @GET
    @Path("/map")
    @Produces({"application/geo+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "Map data (GeoJSON)", description = "Sites coloured by coverage; cameras by state with their view sectors at zoom ≥ 15 "
            + "and up to 2,000 cameras, clusters with counts by state (online, degraded, down, unknown) otherwise. bbox=minLon,minLat,maxLon,maxLat narrows it.")
    public ObjectNode map(@QueryParam("area") String area, @QueryParam("bbox") String bbox, @QueryParam("zoom") Integer zoom) {
        return map.map(scope.get(), Params.blankToNull(area), Params.bbox("bbox", bbox), zoom == null ? 16 : zoom);
    }
}
