package city.vigil.webhook;

import java.util.List;

/**
 * Body of POST (all of it) and PATCH (the fields given) on {@code /api/v1/webhooks}. Filters are ANDed: {@code area}
 * (an area code: its subtree), {@code pointClasses}, {@code siteCategories} (site events), {@code minSeverity} 1–3;
 * {@code cameraEventsInMassOutage}: also get each camera's event when they are grouped into one {@code area.outage}.
 */
public record SubscriptionRequest(String url, String description, List<String> eventTypes, Filters filters, Boolean enabled) {

    public record Filters(String area, List<Integer> pointClasses, List<String> siteCategories, Integer minSeverity,
                          Boolean cameraEventsInMassOutage) {
    }
}
