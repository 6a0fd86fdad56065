package city.vigil.ledger;

import java.io.IOException;
import java.io.Writer;
import java.util.HexFormat;
import java.util.List;

/** Writes values in PostgreSQL's COPY text format (tab-separated, \N for NULL, backslash escapes). */
final class CopyText {
    private static final HexFormat HEX = HexFormat.of();

    private final Writer out;
    private boolean first = true;

    CopyText(Writer out) {
        this.out = out;
    }

    CopyText value(Object v) throws IOException {
        if (!first) {
            out.write('\t');
        }
        first = false;
        if (v == null) {
            out.write("\\N");
        } else if (v instanceof byte[] bytes) {
            out.write("\\\\x");
            out.write(HEX.formatHex(bytes));
        } else if (v instanceof Boolean b) {
            out.write(b ? 't' : 'f');
        } else if (v instanceof List<?> list) {
            escape(arrayLiteral(list));
        } else {
            escape(v.toString());
        }
        return this;
    }

    void endRow() throws IOException {
        out.write('\n');
        first = true;
    }

    private void escape(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(c);
            }
        }
    }

    /** A text[] literal with every element quoted: {"a","b \"c\""}. */
    static String arrayLiteral(List<?> values) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(values.get(i).toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }
}
