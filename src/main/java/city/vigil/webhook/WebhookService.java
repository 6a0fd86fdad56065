package city.vigil.webhook;

import city.vigil.access.Caller;
import city.vigil.access.Role;
import city.vigil.area.Area;
import city.vigil.area.AreaService;
import city.vigil.event.EventType;
import city.vigil.platform.ApiException;
import city.vigil.platform.FieldError;
import city.vigil.platform.Page;
import city.vigil.platform.Scope;
import city.vigil.platform.Versions;
import city.vigil.site.SiteCategory;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Webhook subscriptions: validation, secrets, rotation. Delivery is the {@link WebhookDispatcher}'s. */
@ApplicationScoped
public class WebhookService {
    private final SubscriptionStore store;
    private final AreaService areas;
    private final WebhookConfig config;
    private final WebhookTargets targets;

    WebhookService(SubscriptionStore store, AreaService areas, WebhookConfig config) {
        this.store = store;
        this.areas = areas;
        this.config = config;
        boolean loopback = config.targets().allowLoopback();
        this.targets = new WebhookTargets(config.targets().allowedCidrs().orElse(List.of()), loopback);
    }

    /** Creates a subscription; the answer is the only place its secret is ever shown. */
    public SubscriptionView create(Caller caller, SubscriptionRequest request) {
        Subscription s = validate(caller.scope(), request, null);
        if (!caller.scope().isAll() && s.areaPath() == null) {
            throw ApiException.invalid("filters.area", "is required for an area-scoped caller (one of its own areas)");
        }
        Subscription stored = store.insert(s, caller.actor());
        return SubscriptionView.of(stored, stored.secret());
    }

    public SubscriptionView get(Caller caller, long id) {
        return SubscriptionView.of(find(caller, id), null);
    }

    /** A subscription the caller may see: an integrator's own, any for an admin, within the caller's scope; else a 404. */
    Subscription find(Caller caller, long id) {
        return store.find(id, owner(caller), caller.scope().areaPaths())
                .orElseThrow(() -> ApiException.notFound("Webhook subscription", String.valueOf(id)));
    }

    public Page<SubscriptionView> list(Caller caller, Long after, int limit) {
        return Page.of(store.list(after, limit + 1, owner(caller), caller.scope().areaPaths()), limit, s -> String.valueOf(s.id()),
                s -> SubscriptionView.of(s, null));
    }

    /** Whose subscriptions the caller sees: its own, unless it is an admin. */
    private static String owner(Caller caller) {
        return caller.role() == Role.ADMIN ? null : caller.actor();
    }

    /** Changes the fields given; re-enabling clears the failure record. */
    public SubscriptionView patch(Caller caller, long id, SubscriptionRequest request, String ifMatch) {
        Scope scope = caller.scope();
        Subscription current = find(caller, id);
        if (ifMatch != null) {
            Versions.checkIfMatch(ifMatch, current.version());
        }
        Subscription changed = validate(scope, request, current);
        if (!scope.isAll() && changed.areaPath() == null) {
            throw ApiException.invalid("filters.area", "is required for an area-scoped caller (one of its own areas)");
        }
        return store.update(changed).map(s -> SubscriptionView.of(s, null))
                .orElseThrow(() -> ApiException.invalid("version", "the subscription changed meanwhile; read it again"));
    }

    public void delete(Caller caller, long id) {
        find(caller, id);
        if (!store.delete(id)) {
            throw ApiException.notFound("Webhook subscription", String.valueOf(id));
        }
    }

    /** A new secret, shown once; deliveries carry both signatures until the old one's grace ends. */
    public SubscriptionView rotateSecret(Caller caller, long id) {
        find(caller, id);
        Subscription s = store.rotate(id, WebhookSecrets.generate(), Instant.now().plus(config.rotationGrace()))
                .orElseThrow(() -> ApiException.notFound("Webhook subscription", String.valueOf(id)));
        return SubscriptionView.of(s, s.secret());
    }

    WebhookTargets targets() {
        return targets;
    }

    private static final Set<Integer> POINT_CLASSES = Set.of(1, 2, 3, 4, 9);

    /** A rejected value as an error repeats it: at most 64 characters of it. */
    private static String clip(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }

    /** The request merged over {@code current} (null: a creation, every required field must be there). */
    private Subscription validate(Scope scope, SubscriptionRequest r, Subscription current) {
        if (r == null) {
            throw ApiException.invalid("body", "a JSON object is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String url = r.url() != null ? r.url().trim() : current == null ? null : current.url();
        if (url == null || url.isEmpty()) {
            errors.add(new FieldError("url", "is required"));
        } else {
            try {
                URI uri = URI.create(url);
                Optional<String> refused = targets.refuse(uri);
                refused.ifPresent(why -> errors.add(new FieldError("url", why)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("url", "is not a URL"));
            }
            if (url.length() > 2048) {
                errors.add(new FieldError("url", "is longer than 2048 characters"));
            }
        }
        Set<String> types = current == null ? new LinkedHashSet<>() : current.eventTypes();
        if (r.eventTypes() != null || current == null) {
            types = new LinkedHashSet<>();
            if (r.eventTypes() == null || r.eventTypes().isEmpty() || r.eventTypes().equals(List.of("*"))) {
                // Omitted, empty or ["*"]: every event an alerting system can subscribe to, as stored names.
                for (EventType t : EventType.subscribable()) {
                    types.add(t.wire);
                }
            } else {
                for (String t : r.eventTypes()) {
                    Optional<EventType> type = EventType.ofWire(t);
                    if (type.isEmpty() || !type.get().subscribable) {
                        errors.add(new FieldError("eventTypes", t == null ? "must not hold null"
                                : "unknown event type '" + clip(t) + "'; one of " + String.join(", ", EventType.subscribableNames()) + ", or \"*\""));
                    } else {
                        types.add(type.get().wire);
                    }
                }
            }
        }
        String description = r.description() != null ? r.description() : current == null ? null : current.description();
        if (description != null && description.length() > 256) {
            errors.add(new FieldError("description", "is longer than 256 characters"));
        }
        SubscriptionRequest.Filters f = r.filters();
        String areaCode = current == null ? null : current.areaCode();
        String areaPath = current == null ? null : current.areaPath();
        Set<Integer> classes = current == null ? Set.of() : current.pointClasses();
        Set<String> categories = current == null ? Set.of() : current.siteCategories();
        int minSeverity = current == null ? 1 : current.minSeverity();
        boolean grouped = current != null && current.cameraEventsInMassOutage();
        if (f != null) {
            if (f.area() != null) {
                Optional<Area> area = areas.find(scope, f.area().trim());
                if (area.isEmpty()) {
                    errors.add(new FieldError("filters.area", "area '" + f.area() + "' does not exist"));
                } else {
                    areaCode = area.get().code;
                    areaPath = area.get().path;
                }
            }
            if (f.pointClasses() != null) {
                classes = new LinkedHashSet<>();
                for (Integer pc : f.pointClasses()) {
                    if (pc == null || !POINT_CLASSES.contains(pc)) {
                        errors.add(new FieldError("filters.pointClasses", "point classes are 1, 2, 3, 4 and 9" + (pc == null ? " (not null)" : "")));
                    } else {
                        classes.add(pc);
                    }
                }
            }
            if (f.siteCategories() != null) {
                categories = new LinkedHashSet<>();
                for (String category : f.siteCategories()) {
                    if (category == null || SiteCategory.of(category).isEmpty()) {
                        errors.add(new FieldError("filters.siteCategories", (category == null ? "must not hold null" : "unknown site category '"
                                + clip(category) + "'") + "; one of " + SiteCategory.names()));
                    } else {
                        categories.add(SiteCategory.of(category).get().name());
                    }
                }
            }
            if (f.minSeverity() != null) {
                if (f.minSeverity() < 1 || f.minSeverity() > 3) {
                    errors.add(new FieldError("filters.minSeverity", "must be 1 (notice), 2 (major) or 3 (critical)"));
                }
                minSeverity = f.minSeverity();
            }
            if (f.cameraEventsInMassOutage() != null) {
                grouped = f.cameraEventsInMassOutage();
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        boolean enabled = r.enabled() != null ? r.enabled() : current == null || current.enabled();
        return new Subscription(current == null ? 0 : current.id(), url, description, types, areaCode, areaPath, classes, categories, minSeverity,
                grouped, current == null ? WebhookSecrets.generate() : current.secret(), null, null, enabled, null, null, null,
                current == null ? 0 : current.version());
    }
}
