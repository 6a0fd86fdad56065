package city.vigil.monitor;

/**
 * How results become states, per point class (DESIGN §1 defaults): a failure is soft until {@code failuresToOffline}
 * in a row (GB/T 28181's three missed keepalives); recovery needs {@code successesToOnline} in a row; flapping is a
 * weighted change rate over the last {@code flapWindow} results, entered above {@code flapEnter}, left below
 * {@code flapLeave}.
 */
public record StateRules(int failuresToOffline, int successesToOnline, int flapWindow, double flapEnter, double flapLeave) {

    public static StateRules defaults() {
        return new StateRules(3, 2, 21, 0.30, 0.15);
    }

    public StateRules {
        if (failuresToOffline < 1 || successesToOnline < 1 || flapWindow < 3 || flapWindow > 63 || flapLeave > flapEnter) {
            throw new IllegalArgumentException("invalid state rules");
        }
    }
}
