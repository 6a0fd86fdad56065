package city.vigil.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One row of a ledger: a CSV record (field → text, field → the header it came from) or a JSON object. {@code rowNo}
 * is what a person finds in the file: the spreadsheet row for CSV (header = 1), the array position for JSON (from 1).
 */
record LedgerRow(long rowNo, Map<String, String> values, Map<String, String> columns, JsonNode json) {

    String column(String field) {
        return columns == null ? field : columns.getOrDefault(field, field);
    }
}
