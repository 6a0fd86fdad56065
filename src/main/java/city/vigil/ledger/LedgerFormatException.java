package city.vigil.ledger;

/** The file itself cannot be read on (broken quoting, invalid JSON, unknown encoding): the whole import fails. */
public class LedgerFormatException extends RuntimeException {
    public LedgerFormatException(String message) {
        super(message, null, false, false);
    }
}
