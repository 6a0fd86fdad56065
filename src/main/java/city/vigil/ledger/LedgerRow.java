package city.vigil.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * One row of a ledger: a CSV record (field → text, field → the header it came from) or a JSON object. {@code rowNo}
 * is what a person finds in the file: the spreadsheet row for CSV (header = 1, blank lines counted as the rows they
 * show as), the array position for JSON (from 1). {@code malformed} says why the row as a whole cannot be read (more
 * cells than the header has columns, a NUL character), or is null; {@code pastEnd} holds the fields whose column lies
 * beyond the last cell of a short row.
 */
record LedgerRow(long rowNo, Map<String, String> values, Map<String, String> columns, JsonNode json, String malformed, Set<String> pastEnd) {

    LedgerRow(long rowNo, Map<String, String> values, Map<String, String> columns, JsonNode json) {
        this(rowNo, values, columns, json, null, Set.of());
    }

    String column(String field) {
        return columns == null ? field : columns.getOrDefault(field, field);
    }

    /** Whether the ledger has a column (CSV) or the object a key (JSON) for this field. */
    boolean has(String field) {
        return json != null ? json.has(field) : columns != null && columns.containsKey(field);
    }

    /** A reason for a missing value, with the row's shortness when that is why. */
    String explain(String field, String reason) {
        return pastEnd.contains(field) ? reason + " (the row ends before this column: it has fewer cells than the header)" : reason;
    }
}
