package city.vigil.ledger;

public enum ImportFormat {
    CSV, JSON
}
