package city.vigil.monitor;

import city.vigil.probe.ProbeDepth;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per point class: when channels are probed, how deep, and how results become states. From {@code vigil.monitor.*}
 * with the per-class overrides of {@code vigil.monitor.class."N".*} (application.properties sets DESIGN §1's intervals).
 */
final class ClassPolicies implements ChannelBook.PolicyLookup {

    /** When to probe and how results become states. */
    record ClassPolicy(ProbeTiming timing, StateRules rules, StateMachine machine) {
        static ClassPolicy of(ProbeTiming timing, StateRules rules) {
            return new ClassPolicy(timing, rules, new StateMachine(rules));
        }
    }

    private final MonitorConfig config;
    private final Map<Integer, ClassPolicy> policies = new ConcurrentHashMap<>();

    ClassPolicies(MonitorConfig config) {
        this.config = config;
    }

    @Override
    public ClassPolicy of(int pointClass) {
        return policies.computeIfAbsent(pointClass, pc -> {
            Optional<MonitorConfig.ClassSettings> s = settings(pc);
            StateRules defaults = StateRules.defaults();
            StateRules rules = new StateRules(s.flatMap(MonitorConfig.ClassSettings::failuresToOffline).orElse(config.failuresToOffline()),
                    s.flatMap(MonitorConfig.ClassSettings::successesToOnline).orElse(config.successesToOnline()),
                    defaults.flapWindow(), defaults.flapEnter(), defaults.flapLeave());
            Duration interval = s.flatMap(MonitorConfig.ClassSettings::interval).orElse(config.interval());
            Duration retry = s.flatMap(MonitorConfig.ClassSettings::retryInterval).orElse(config.retryInterval());
            return ClassPolicy.of(new ProbeTiming(interval, retry), rules);
        });
    }

    /** How deep the liveness probe of this class goes (RTSP: DESCRIBE or the first packet). */
    ProbeDepth depth(int pointClass) {
        return settings(pointClass).flatMap(MonitorConfig.ClassSettings::depth).orElse(config.depth());
    }

    private Optional<MonitorConfig.ClassSettings> settings(int pointClass) {
        return Optional.ofNullable(config.classes().get(Integer.toString(pointClass)));
    }
}
