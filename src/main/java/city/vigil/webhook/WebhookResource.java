package city.vigil.webhook;

import city.vigil.access.CurrentCaller;
import city.vigil.access.Roles;
import city.vigil.platform.ApiException;
import city.vigil.platform.AuditTrail;
import city.vigil.platform.Page;
import city.vigil.platform.Params;
import city.vigil.platform.Problem;
import city.vigil.platform.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Standard Webhooks subscriptions, delivery log, replay and test-send")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "PostgreSQL is unavailable: try again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.INTEGRATOR)
public class WebhookResource {

    /** Body of a replay: one event, or a period. */
    public record Replay(String eventId, Instant from, Instant to) {
    }

    @Inject
    AuditTrail trail;
    @Inject
    WebhookService service;
    @Inject
    DeliveryLog deliveries;
    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Subscribe", description = "{url, description, eventTypes, filters: {area, pointClasses, siteCategories, minSeverity, "
            + "cameraEventsInMassOutage}}. The answer carries the signing secret (whsec_…) — the only time it is shown.")
    public Response create(SubscriptionRequest request, @Context UriInfo uri) {
        SubscriptionView v = service.create(caller.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(v.id())).build()).entity(v).build();
    }

    @GET
    @Path("/event-types")
    @Operation(summary = "Event types a subscription may name", description = "Every type an alerting system can receive; "
            + "[\"*\"] (or no eventTypes) subscribes to all of them. webhook.test is sent by test-send only. Payloads: README, Webhooks.")
    public java.util.List<String> eventTypes() {
        return city.vigil.event.EventType.subscribableNames();
    }

    @GET
    @Operation(summary = "List subscriptions")
    public Page<SubscriptionView> list(@QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), Params.wholeNumber("after", after), Page.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a subscription", description = "Never its secret.")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SubscriptionView get(@PathParam("id") String id) {
        return service.get(caller.get(), pathId(id));
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a subscription", description = "The fields given; `enabled: true` re-enables a disabled one and clears its failure record.")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SubscriptionView patch(@PathParam("id") String id, SubscriptionRequest request, @HeaderParam("If-Match") String ifMatch) {
        trail.before(() -> service.get(caller.get(), pathId(id)));
        return Versions.write(ifMatch, () -> service.patch(caller.get(), pathId(id), request, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe", description = "Pending deliveries are dropped.")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id) {
        trail.before(() -> service.get(caller.get(), pathId(id)));
        service.delete(caller.get(), pathId(id));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Rotate the signing secret", description = "Returns the new secret once; the old one also signs (a second "
            + "signature) for vigil.webhooks.rotation-grace.")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SubscriptionView rotate(@PathParam("id") String id) {
        trail.before(() -> service.get(caller.get(), pathId(id)));
        return service.rotateSecret(caller.get(), pathId(id));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Delivery log", description = "Newest first, each with every attempt (status, latency, response excerpt).")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<DeliveryLog.Delivery> deliveries(@PathParam("id") String id, @QueryParam("state") String state, @QueryParam("after") String after,
                                                 @QueryParam("limit") Integer limit) {
        long sub = pathId(id);
        service.find(caller.get(), sub);
        String s = Params.blankToNull(state);
        if (s != null && !Set.of("PENDING", "DELIVERED", "FAILED", "CANCELLED").contains(s)) {
            throw ApiException.invalid("state", "must be PENDING, DELIVERED, FAILED or CANCELLED");
        }
        return deliveries.list(sub, s, Params.wholeNumber("after", after), Page.limit(limit));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Send events again", description = "{eventId: \"evt_…\"} or {from, to}: every event of the period this subscription wants.")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replay(@PathParam("id") String id, Replay replay) {
        Subscription sub = service.find(caller.get(), pathId(id));
        if (replay == null || (replay.eventId() == null) == (replay.from() == null || replay.to() == null)) {
            throw ApiException.invalid("eventId", "give either eventId or both from and to");
        }
        Long eventId = null;
        if (replay.eventId() != null) {
            if (!replay.eventId().matches("evt_\\d{1,18}")) {
                throw ApiException.invalid("eventId", "is evt_ followed by a number");
            }
            eventId = Long.parseLong(replay.eventId().substring(4));
        } else if (!replay.from().isBefore(replay.to())) {
            throw ApiException.invalid("to", "must be after from");
        }
        int queued = deliveries.replay(sub, eventId, replay.from(), replay.to());
        return Response.accepted(Map.of("queued", queued)).build();
    }

    @POST
    @Path("/{id}/test")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send a test event", description = "A webhook.test event to this subscription only; see its delivery log for the outcome.")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response test(@PathParam("id") String id) {
        Subscription sub = service.find(caller.get(), pathId(id));
        return Response.accepted(Map.of("eventId", deliveries.test(sub))).build();
    }

    private static long pathId(String value) {
        Long id = Params.wholeNumber("id", value);
        if (id == null) {
            throw ApiException.invalid("id", "is required");
        }
        return id;
    }
}
