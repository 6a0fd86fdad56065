package city.vigil.ledger;

/** ATOMIC: one bad row and nothing is written. PARTIAL: good rows are written, bad rows reported. */
public enum ImportMode {
    ATOMIC, PARTIAL
}
