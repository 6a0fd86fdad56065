package city.vigil.outage;

import city.vigil.platform.ApiException;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Page;
import city.vigil.platform.Params;
import city.vigil.probe.ProbeCause;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/outages")
@Tag(name = "Outages", description = "Outage history of channels, newest first, and operators' acknowledgements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OutageResource {

    @Inject
    OutageService service;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "List outages", description = "Newest first; keyset-paginated by id. Filters: area subtree, open, cause, gbId.")
    public Page<OutageView> list(@QueryParam("area") String area, @QueryParam("open") String open, @QueryParam("cause") String cause,
                                 @QueryParam("gbId") String gbId, @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        ProbeCause c = Params.enumValue("cause", cause, ProbeCause.class);
        return service.list(scope.get(), new OutageService.Filter(Params.blankToNull(area), Params.bool("open", open),
                c == null ? null : c.name(), Params.blankToNull(gbId)), Params.wholeNumber("after", after), Page.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an outage")
    public OutageView get(@PathParam("id") String id) {
        Long outage = Params.wholeNumber("id", id);
        return service.find(scope.get(), outage == null ? -1 : outage).orElseThrow(() -> ApiException.notFound("Outage", id));
    }

    @POST
    @Path("/{id}/ack")
    @Operation(summary = "Acknowledge an outage", description = "Records who (`by`) and why (`note`); a later acknowledgement replaces it.")
    public OutageView acknowledge(@PathParam("id") String id, AckRequest request) {
        Long outage = Params.wholeNumber("id", id);
        return service.acknowledge(scope.get(), outage == null ? -1 : outage, Params.body(request));
    }
}
