package city.vigil.monitor;

import city.vigil.status.LinkState;

/** A channel changed state (fired by the status writer after it stored the change; deep checks and alerts observe it). */
public record StateChanged(String gbId, int pointClass, LinkState from, LinkState to) {
}
