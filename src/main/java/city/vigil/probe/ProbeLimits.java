package city.vigil.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;

/** The probe policy and the per-device session budget, one of each for the liveness and deep tiers. */
@ApplicationScoped
public class ProbeLimits {

    @Produces
    @Singleton
    TargetPolicy targetPolicy(ProbeConfig config) {
        ProbeConfig.Targets t = config.targets();
        return new TargetPolicy(t.allowedCidrs().orElse(List.of()), t.allowLoopback(), new HashSet<>(t.allowedPorts().orElse(List.of())));
    }

    @Produces
    @Singleton
    HostSessions hostSessions(ProbeConfig config) {
        return new HostSessions(config.perHost());
    }
}
