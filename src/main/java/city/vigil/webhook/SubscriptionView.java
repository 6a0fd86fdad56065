package city.vigil.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A subscription as clients see it; {@code secret} only in the answer to creation and rotation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(long id, String url, String description, List<String> eventTypes, SubscriptionRequest.Filters filters,
                               boolean enabled, String disabledReason, Instant failingSince, Instant previousSecretValidUntil,
                               Instant createdAt, String secret) {

    static SubscriptionView of(Subscription s, String revealSecret) {
        return new SubscriptionView(s.id(), s.url(), s.description(), s.eventTypes().stream().sorted().toList(),
                new SubscriptionRequest.Filters(s.areaCode(), s.pointClasses().stream().sorted().toList(), s.siteCategories().stream().sorted().toList(),
                        s.minSeverity(), s.cameraEventsInMassOutage()),
                s.enabled(), s.disabledReason(), s.failingSince(), s.previousSecret() == null ? null : s.previousUntil(), s.createdAt(), revealSecret);
    }
}
