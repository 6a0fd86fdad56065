package city.vigil.gbid;

import city.vigil.access.Roles;
import city.vigil.area.Area;
import city.vigil.platform.ApiException;
import city.vigil.platform.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/gb-ids")
@Tag(name = "GB/T 28181 IDs", description = "Decode and explain 20-digit device IDs")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class GbIdResource {

    @GET
    @Path("/{id}")
    @Operation(summary = "Explain a GB/T 28181 ID", description = "Centre (division), industry, type, network and serial, with their names.")
    @APIResponse(responseCode = "400", description = "Not a 20-digit ID", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GbIdView explain(@PathParam("id") String id) {
        GbId.problem(id).ifPresent(p -> {
            throw ApiException.invalid("id", p);
        });
        GbId gbId = new GbId(id);
        String division = gbId.divisionCode();
        String divisionName = Area.findByCode(division.length() == 4 ? division + "00" : division).map(a -> a.name).orElse(null);
        DeviceKind kind = Arrays.stream(DeviceKind.values()).filter(gbId::isA).findFirst().orElse(null);
        return new GbIdView(id,
                new GbIdView.Centre(gbId.centreCode(), division, divisionName),
                new GbIdView.Coded(gbId.industryCode(), gbId.industryName().orElse("unknown or reserved")),
                new GbIdView.Type(gbId.typeCode(), gbId.typeName().orElse("unknown or reserved"), gbId.typeGroup().orElse(null), kind),
                new GbIdView.Coded(String.valueOf(gbId.networkCode()), gbId.networkName()),
                gbId.serial());
    }
}
