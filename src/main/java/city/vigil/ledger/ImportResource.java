package city.vigil.ledger;

import city.vigil.access.Roles;
import city.vigil.platform.ApiException;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Page;
import city.vigil.platform.Params;
import city.vigil.platform.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/imports")
@Tag(name = "Imports", description = "Bulk ledger imports as jobs with progress and per-row errors")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.ADMIN)
public class ImportResource {

    @Inject
    ImportService service;
    @Inject
    CallerScope scope;

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Import a ledger", description = """
            The body is the file: CSV (UTF-8 with or without BOM, or GB18030; English or Chinese headers) or JSON \
            (an array of objects shaped like the API's requests). Upserts by key: the same file twice changes nothing \
            the second time. Answers 202 with the job; poll its Location for progress and per-row errors.""")
    @APIResponse(responseCode = "202", description = "Queued")
    @APIResponse(responseCode = "413", description = "Larger than vigil.import.max-bytes", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not CSV or JSON", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Import queue full", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(InputStream body, @HeaderParam("Content-Type") MediaType contentType,
                           @HeaderParam("Content-Length") Long length,
                           @QueryParam("kind") String kind, @QueryParam("format") String format,
                           @QueryParam("mode") String mode, @QueryParam("dryRun") String dryRun,
                           @QueryParam("fileName") String fileName, @Context UriInfo uri) {
        ImportService.Options options = new ImportService.Options(
                orDefault(Params.enumValue("kind", kind, ImportKind.class), ImportKind.CAMERAS),
                format(format, contentType),
                orDefault(Params.enumValue("mode", mode, ImportMode.class), ImportMode.PARTIAL),
                Boolean.TRUE.equals(Params.bool("dryRun", dryRun)),
                charset(contentType),
                Params.blankToNull(fileName));
        ImportJob job = service.submit(scope.get(), options, body, length);
        return Response.accepted(ImportView.of(job, null))
                .location(uri.getBaseUriBuilder().path("api/v1/imports").path(job.id.toString()).build()).build();
    }

    @GET
    @Operation(summary = "List imports, newest first")
    public Page<ImportView> list(@QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        String a = Params.blankToNull(after);
        if (a != null) {
            try {
                java.util.UUID.fromString(a.trim());
            } catch (IllegalArgumentException e) {
                throw city.vigil.platform.ApiException.invalid("after", "must be an import's id: pass the next of the previous page");
            }
        }
        return service.list(scope.get(), a == null ? null : a.trim(), Page.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an import's state, progress and first row errors")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportView get(@PathParam("id") String id) {
        return service.view(scope.get(), ImportService.parseId(id));
    }

    @GET
    @Path("/{id}/errors")
    @Operation(summary = "Row errors of an import", description = "In file order; `after` is the number of errors already read.")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<RowError> errors(@PathParam("id") String id, @QueryParam("after") Integer after, @QueryParam("limit") Integer limit) {
        var jobId = ImportService.parseId(id);
        service.get(scope.get(), jobId);
        return service.errors(jobId, after == null ? 0 : Math.max(0, after), Page.limit(limit));
    }

    private static ImportFormat format(String format, MediaType contentType) {
        ImportFormat explicit = Params.enumValue("format", format, ImportFormat.class);
        if (explicit != null) {
            return explicit;
        }
        if (contentType != null && contentType.getSubtype().equalsIgnoreCase("json")) {
            return ImportFormat.JSON;
        }
        if (contentType != null && contentType.getSubtype().equalsIgnoreCase("csv")) {
            return ImportFormat.CSV;
        }
        throw ApiException.invalid("format", "is required for this Content-Type: csv or json");
    }

    private static Charset charset(MediaType contentType) {
        String name = contentType == null ? null : contentType.getParameters().get("charset");
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("charset", "'" + name + "' is not a known character set; use UTF-8 or GB18030");
        }
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
