package city.vigil.event;

import city.vigil.area.AreaPath;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every event Vigil announces, with its payload: the catalogue a webhook integrator reads. Features say what happened
 * with the factories below; {@link Outbox#append} is the one writer. Outage and channel events take their payload from
 * the outage and camera rows in the same statement, so the event shows what was committed with it.
 */
public sealed interface OutboxEvent {

    EventType type();

    Instant at();

    /** camera.offline / camera.degraded / camera.online for an outage that opened or closed (a camera's or a device's). */
    record OutageChange(EventType type, long outageId, int severity, Instant at, String replacedCause) implements OutboxEvent {
    }

    /** An event about a channel that is no outage's (camera.flapping). */
    record ChannelNotice(EventType type, String gbId, int pointClass, Instant at) implements OutboxEvent {
    }

    /** Any other event: what it is about (each may be null) and its payload. */
    record Notice(EventType type, Instant at, String gbId, String areaPath, Integer pointClass, int severity, ObjectNode data)
            implements OutboxEvent {
    }

    // ---- camera outages ------------------------------------------------------------------------------------------

    /** An outage opened: a loss of stream, or an image fault ({@code degraded}); {@code replacedCause} names the outage it replaces. */
    static OutageChange outageOpened(long outageId, boolean degraded, int pointClass, Instant at, String replacedCause) {
        EventType type = degraded ? EventType.CAMERA_DEGRADED : EventType.CAMERA_OFFLINE;
        return new OutageChange(type, outageId, Severity.of(type, pointClass), at, replacedCause);
    }

    /** An outage ended with the channel back: camera.online, with the severity of the alert it ends. */
    static OutageChange outageRecovered(long outageId, boolean wasDegraded, int pointClass, Instant at) {
        EventType was = wasDegraded ? EventType.CAMERA_DEGRADED : EventType.CAMERA_OFFLINE;
        return new OutageChange(EventType.CAMERA_ONLINE, outageId, Severity.of(was, pointClass), at, null);
    }

    static ChannelNotice flapping(String gbId, int pointClass, Instant at) {
        return new ChannelNotice(EventType.CAMERA_FLAPPING, gbId, pointClass, at);
    }

    // ---- the monitor itself ----------------------------------------------------------------------------------------

    static Notice proberSuspect(Instant since) {
        return new Notice(EventType.MONITOR_PROBER_SUSPECT, since, null, null, null, 3, object().put("since", since.toString())
                .put("message", "Most probes fail at once across districts: results count as UNKNOWN and no outages open until the "
                        + "prober's own network recovers"));
    }

    // ---- areas -------------------------------------------------------------------------------------------------------

    /** An area's online rate of one point class fell below the threshold (re-armed above {@code rearmsAbove}). */
    static Notice onlineRateBelow(String areaCode, String areaPath, int pointClass, double onlineRate, double threshold, double rearmsAbove,
                                  long monitored, long online, Instant at) {
        return new Notice(EventType.AREA_ONLINE_RATE_BELOW, at, null, areaPath, pointClass, Severity.of(EventType.AREA_ONLINE_RATE_BELOW, pointClass),
                object().put("areaCode", areaCode).put("areaPath", areaPath).put("pointClass", pointClass).put("onlineRate", onlineRate)
                        .put("threshold", threshold).put("rearmsAbove", rearmsAbove).put("monitored", monitored).put("online", online));
    }

    /** The channels a district lost in a mass outage (each once), by cause and point class, since the first of them. */
    record AreaLoss(long channels, Instant since, int severity, Map<String, Long> causes, Map<Integer, Long> pointClasses) {
    }

    /**
     * area.outage: the first of an episode ({@code previousChannels} null), or a re-send with the same {@code episodeId}
     * when more channels were lost.
     */
    static Notice areaOutage(String district, AreaLoss loss, long episodeId, Integer previousChannels, Long stillDown, Instant at) {
        ObjectNode data = areaLoss(district, loss, loss.channels())
                .put("message", loss.channels() + " channels of this district lost since " + loss.since())
                .put("episodeId", episodeId).put("update", previousChannels != null);
        if (previousChannels != null) {
            data.put("previousChannels", previousChannels).put("stillDown", stillDown);
        }
        return new Notice(EventType.AREA_OUTAGE, at, null, district, null, loss.severity(), data);
    }

    /** area.recovered: fewer than the suspicion count of the {@code peak} channels the episode lost are still down. */
    static Notice areaRecovered(String district, AreaLoss loss, long episodeId, long peak, long stillDown, Instant at) {
        ObjectNode data = areaLoss(district, loss, peak).put("episodeId", episodeId).put("stillDown", stillDown).put("until", at.toString())
                .put("message", "the district is back: " + stillDown + " of the " + peak + " channels lost are still down");
        return new Notice(EventType.AREA_RECOVERED, at, null, district, null, loss.severity(), data);
    }

    private static ObjectNode areaLoss(String district, AreaLoss loss, long channels) {
        ObjectNode data = object().put("areaCode", AreaPath.code(district)).put("areaPath", district);
        ObjectNode causes = data.putObject("causes");
        loss.causes().forEach(causes::put);
        ObjectNode classes = data.putObject("pointClasses");
        loss.pointClasses().forEach((pc, n) -> classes.put(Integer.toString(pc), n));
        return data.put("channels", channels).put("since", loss.since() == null ? null : loss.since().toString());
    }

    // ---- sites and checkpoints -------------------------------------------------------------------------------------

    /** A camera that decides a site's coverage, as the site event lists it. */
    record SiteCamera(String gbId, int pointClass, String state, Instant since, String cause) {
    }

    /** site.covered / site.uncovered, with the cameras that decide it. */
    static Notice siteCoverage(String siteCode, String name, String category, String areaPath, boolean covered, int onlineCameras,
                               int required, int maxPointClass, List<SiteCamera> cameras, Instant at) {
        ObjectNode data = object().put("siteCode", siteCode).put("name", name).put("category", category).put("areaCode", AreaPath.code(areaPath))
                .put("areaPath", areaPath).put("covered", covered).put("since", at.toString()).put("onlineCameras", onlineCameras)
                .put("required", required).put("maxPointClass", maxPointClass);
        var list = data.putArray("cameras");
        for (SiteCamera c : cameras) {
            list.addObject().put("gbId", c.gbId()).put("pointClass", c.pointClass()).put("state", c.state())
                    .put("since", c.since() == null ? null : c.since().toString()).put("cause", c.cause());
        }
        return new Notice(covered ? EventType.SITE_COVERED : EventType.SITE_UNCOVERED, at, null, areaPath, null, 3, data);
    }

    /** checkpoint.offline / checkpoint.stale: a road checkpoint system counts as a key point (class 1). */
    static Notice checkpoint(EventType type, String gbId, String areaPath, String state, int lanesDown, Instant lastHeartbeat, Instant at) {
        return new Notice(type, at, gbId, areaPath, null, Severity.of(type, 1), object().put("gbId", gbId).put("areaCode", AreaPath.code(areaPath))
                .put("areaPath", areaPath).put("state", state).put("lanesDown", lanesDown)
                .put("lastHeartbeatAt", lastHeartbeat == null ? null : lastHeartbeat.toString()));
    }

    // ---- webhooks ----------------------------------------------------------------------------------------------------

    /** webhook.test: sent by test-send to one subscription only. */
    static Notice webhookTest(long subscriptionId, Instant at) {
        return new Notice(EventType.WEBHOOK_TEST, at, null, null, null, 1, object().put("subscriptionId", subscriptionId)
                .put("message", "A test event from Vigil: this subscription receives events."));
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
