package city.vigil.ledger;

/** What a ledger file registers. Cameras and areas come as CSV or JSON; checkpoints and sites (nested) as JSON. */
public enum ImportKind {
    CAMERAS, AREAS, CHECKPOINTS, SITES
}
