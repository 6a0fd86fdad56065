package city.vigil.availability;

import city.vigil.access.Roles;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports")
@Tag(name = "Availability")
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.VIEWER)
public class ReportResource {

    @Inject
    MaintainerReport maintainers;
    @Inject
    DailyAssessment assessments;
    @Inject
    CallerScope scope;

    @GET
    @Path("/maintainer-sla")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Maintainer units' SLA for a month", description = "month=2026-11 (this month by default). Per unit: channels, "
            + "availability (channel-time and the mean of its channels'), outages, MTTR, the five worst channels by down time. "
            + "JSON, or CSV with Accept: text/csv or format=csv.")
    public Response maintainerSla(@QueryParam("month") String month, @QueryParam("format") String format,
                                  @jakarta.ws.rs.core.Context HttpHeaders headers) {
        String chosen = city.vigil.platform.Params.oneOf("format", format, "json", "csv");
        MaintainerReport.Report report = maintainers.month(scope.get(), month);
        boolean csv = "csv".equals(chosen) || (chosen == null && headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> m.getType().equals("text") && m.getSubtype().equals("csv")));
        if (csv) {
            return Response.ok(MaintainerReport.csv(report), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"maintainer-sla-" + report.month() + ".csv\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/daily-assessment")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Regulator-style daily assessment", description = "The online and intact rates sampled at fixed instants of each "
            + "day (vigil.availability.assessment-times), per area × class, and their mean per day. area (code, default the whole city), "
            + "from/to as dates (the last 7 days by default).")
    public DailyAssessment.Result dailyAssessment(@QueryParam("area") String area, @QueryParam("from") String from, @QueryParam("to") String to) {
        return assessments.read(scope.get(), area, from, to);
    }
}
