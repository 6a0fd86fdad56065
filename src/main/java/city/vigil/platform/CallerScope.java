package city.vigil.platform;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The areas the caller of this request may see and change, as its security identity carries them. */
@RequestScoped
public class CallerScope {
    /** The identity attribute holding the caller's {@link Scope}. */
    public static final String ATTRIBUTE = "vigil.scope";
    /** For a request that reached a service without an identity: nothing, never everything. */
    private static final Scope NOTHING = new Scope(List.of("\u0000none/"));

    @Inject
    SecurityIdentity identity;

    /**
     * For figures of the whole installation (the monitor's channel count, the deep sweep's progress): a caller limited
     * to some areas is told they do not exist, since a city-wide count is a count of other areas too.
     */
    public void requireEverything(String what) {
        if (!get().isAll()) {
            throw ApiException.notFound(what, "everything");
        }
    }

    public Scope get() {
        Scope scope = identity.getAttribute(ATTRIBUTE);
        return scope == null ? NOTHING : scope;
    }
}
