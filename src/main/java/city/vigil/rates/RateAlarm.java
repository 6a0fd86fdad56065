package city.vigil.rates;

/**
 * Hysteresis for {@code area.online_rate_below}: an area × class alarm fires when its online rate falls below the
 * threshold and re-arms only once the rate is back above threshold + hysteresis, so a rate hovering at the line does
 * not fire again and again.
 */
public record RateAlarm(double threshold, double hysteresis) {

    public enum Change { NONE, FIRED, CLEARED }

    /** What happens to an alarm that was {@code below} when the rate is now {@code rate} (null: nothing monitored). */
    public Change next(boolean below, Double rate) {
        if (rate == null) {
            return Change.NONE;
        }
        if (!below && rate < threshold) {
            return Change.FIRED;
        }
        if (below && rate >= threshold + hysteresis) {
            return Change.CLEARED;
        }
        return Change.NONE;
    }
}
