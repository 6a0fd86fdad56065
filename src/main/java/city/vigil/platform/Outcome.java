package city.vigil.platform;

/** What an upsert did: imports count these. */
public enum Outcome {
    CREATED, UPDATED, UNCHANGED
}
