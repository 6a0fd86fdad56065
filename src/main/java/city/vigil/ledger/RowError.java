package city.vigil.ledger;

/** Why one row was rejected: its number, the field and column, the (redacted) value, and the reason. */
public record RowError(long row, String field, String column, String value, String reason) {
}
