package city.vigil.webhook;

import city.vigil.event.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A stored webhook subscription (secrets included: never returned by the API after creation or rotation). */
record Subscription(long id, String url, String description, Set<String> eventTypes, String areaCode, String areaPath,
                    Set<Integer> pointClasses, Set<String> siteCategories, int minSeverity, boolean cameraEventsInMassOutage,
                    String secret, String previousSecret, Instant previousUntil, boolean enabled, String disabledReason,
                    Instant failingSince, Instant createdAt, long version) {

    /**
     * Whether an event of the outbox is for this subscription (type and filters; all filters ANDed). An area.recovered
     * goes with area.outage: whoever hears of a district's loss hears of its end.
     */
    boolean wants(String type, String eventAreaPath, Integer pointClass, String siteCategory, int severity, boolean groupedCameraEvent) {
        boolean typeWanted = eventTypes.contains(type) || type.equals(EventType.AREA_RECOVERED.wire) && eventTypes.contains(EventType.AREA_OUTAGE.wire);
        if (!typeWanted || severity < minSeverity) {
            return false;
        }
        if (groupedCameraEvent && !cameraEventsInMassOutage) {
            return false;
        }
        if (areaPath != null && (eventAreaPath == null || !eventAreaPath.startsWith(areaPath))) {
            return false;
        }
        // Site categories filter site events; point classes filter events about one point.
        boolean siteEvent = type.equals(EventType.SITE_COVERED.wire) || type.equals(EventType.SITE_UNCOVERED.wire);
        if (!siteEvent && !pointClasses.isEmpty() && pointClass != null && !pointClasses.contains(pointClass)) {
            return false;
        }
        if (siteEvent && !siteCategories.isEmpty() && !siteCategories.contains(siteCategory)) {
            return false;
        }
        return true;
    }

    /** The secrets that sign a delivery now: the current one, and the previous one during its grace after a rotation. */
    List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousUntil != null && now.isBefore(previousUntil) ? List.of(secret, previousSecret) : List.of(secret);
    }
}
