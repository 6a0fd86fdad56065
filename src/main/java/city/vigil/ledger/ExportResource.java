package city.vigil.ledger;

import city.vigil.access.Roles;
import city.vigil.camera.CameraFilterParams;
import city.vigil.platform.ApiException;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Params;
import city.vigil.platform.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cameras/export")
@Tag(name = "Cameras")
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.ADMIN)
public class ExportResource {

    @Inject
    CameraExporter exporter;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "Export cameras", description = """
            Streams every camera matching the list filters as CSV or JSON, in the shape the import accepts. \
            encoding (CSV): utf-8 (default), utf-8-bom (for Excel) or gb18030. Credentials are never exported.""")
    public Response export(@QueryParam("format") String format, @QueryParam("encoding") String encoding,
                           @BeanParam CameraFilterParams filter) {
        CameraExporter.Export export = exporter.prepare(scope.get(), filter.toFilter());
        String f = Params.blankToNull(format) == null ? "csv" : format.trim().toLowerCase(Locale.ROOT);
        String enc = Params.blankToNull(encoding) == null ? "utf-8" : encoding.trim().toLowerCase(Locale.ROOT);
        StreamingOutput body;
        String type;
        switch (f) {
            case "csv" -> {
                var charset = switch (enc) {
                    case "utf-8", "utf-8-bom" -> StandardCharsets.UTF_8;
                    case "gb18030" -> LedgerReader.GB18030;
                    default -> throw ApiException.invalid("encoding", "must be utf-8, utf-8-bom or gb18030");
                };
                body = out -> export.csv(out, charset, enc.equals("utf-8-bom"));
                type = "text/csv; charset=" + charset.name();
            }
            case "json" -> {
                body = export::json;
                type = "application/json";
            }
            default -> throw ApiException.invalid("format", "must be csv or json");
        }
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"cameras." + f + "\"").build();
    }
}
