package city.vigil.ledger;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** A streaming RFC 4180 parser: quoted fields, doubled quotes, CR/LF/CRLF, newlines inside quotes. */
final class CsvParser {
    private static final int MAX_FIELD = 64 * 1024;

    private final Reader in;
    private final char delimiter;
    private int pushedBack = -2;
    private long line = 1;
    private long blankLines;

    CsvParser(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The line the next record starts on (1-based), for error messages. */
    long line() {
        return line;
    }

    /** Blank lines skipped before the record {@link #next} returned last: a spreadsheet shows each as an empty row. */
    long blankLinesBefore() {
        return blankLines;
    }

    /** The next record's fields, or null at the end of input. */
    List<String> next() throws IOException {
        int c = read();
        blankLines = 0;
        while (c == '\r' || c == '\n') {
            if (c == '\r') {
                int n = read();
                if (n != '\n') {
                    unread(n);
                }
            }
            blankLines++;
            c = read();
        }
        if (c == -1) {
            return null;
        }
        // Errors name the line the record starts on: where a spreadsheet user looks for the stray quote.
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new LedgerFormatException("line " + start + ": a quoted field opened on this line is not closed before the end of the file");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        unread(n);
                    }
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            if (field.length() > MAX_FIELD) {
                throw new LedgerFormatException("line " + start + ": a field is longer than " + MAX_FIELD + " characters");
            }
            c = read();
        }
    }

    private int read() throws IOException {
        int c;
        if (pushedBack != -2) {
            c = pushedBack;
            pushedBack = -2;
        } else {
            c = in.read();
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private void unread(int c) {
        if (c == '\n') {
            line--;
        }
        pushedBack = c;
    }
}
