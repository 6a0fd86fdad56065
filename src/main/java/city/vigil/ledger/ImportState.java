package city.vigil.ledger;

/**
 * QUEUED → RUNNING → SUCCEEDED (every row accepted), PARTIAL (partial mode, some rows rejected), REJECTED (atomic
 * mode with rejected rows: nothing written) or FAILED (the file could not be read, or the server failed).
 */
public enum ImportState {
    QUEUED, RUNNING, SUCCEEDED, PARTIAL, REJECTED, FAILED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
