package city.vigil.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a spooled ledger file row by row, never whole: detects the encoding (BOM, else UTF-8 if the start decodes as
 * UTF-8, else GB18030), then yields CSV records keyed by field or JSON objects from a top-level array.
 */
final class LedgerReader implements Closeable {
    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SNIFF_BYTES = 64 * 1024;

    private final CountingStream counting;
    private final BufferedReader text;
    private final Charset charset;
    private CsvParser csv;
    private Map<Integer, String> columnFields;
    private List<String> header;
    private JsonParser json;
    private List<String> ignoredColumns = List.of();
    private final ObjectMapper mapper;
    private long rowNo;

    private LedgerReader(CountingStream counting, BufferedReader text, Charset charset, ObjectMapper mapper) {
        this.counting = counting;
        this.text = text;
        this.charset = charset;
        this.mapper = mapper;
    }

    static LedgerReader open(Path file, Charset declared, ObjectMapper mapper) throws IOException {
        CountingStream counting = new CountingStream(Files.newInputStream(file));
        BufferedInputStream in = new BufferedInputStream(counting, SNIFF_BYTES);
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        Charset charset;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3);
            charset = StandardCharsets.UTF_8;
        } else if (declared != null) {
            charset = declared;
        } else {
            charset = looksLikeUtf8(head) ? StandardCharsets.UTF_8 : GB18030;
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader text = new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024);
        return new LedgerReader(counting, text, charset, mapper);
    }

    Charset charset() {
        return charset;
    }

    long bytesRead() {
        return counting.count;
    }

    /** Headers of the CSV that match no field: their cells are not imported (reported, not fatal). */
    List<String> ignoredColumns() {
        return ignoredColumns;
    }

    /** Reads the CSV header and resolves each column to a field. */
    void startCsv(Map<String, List<String>> aliases) throws IOException {
        String first = firstLine();
        char delimiter = first.indexOf(',') < 0 && first.indexOf('\t') >= 0 ? '\t' : first.indexOf(',') < 0 && first.indexOf(';') >= 0 ? ';' : ',';
        csv = new CsvParser(text, delimiter);
        header = decode(csv::next);
        if (header == null) {
            throw new LedgerFormatException("the file is empty: a CSV ledger needs a header row");
        }
        columnFields = LedgerColumns.resolve(header, aliases);
        rowNo = 1;
        List<String> unknown = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String field = columnFields.get(i);
            if (field == null) {
                unknown.add(header.get(i));
            } else if (seen.contains(field)) {
                throw new LedgerFormatException("columns '" + header.get(seen.indexOf(field)) + "' and '" + header.get(i)
                        + "' both mean " + field);
            } else {
                seen.add(field);
            }
        }
        if (seen.isEmpty()) {
            throw new LedgerFormatException("no column of the header is known; expected names such as " + String.join(", ", aliases.keySet()));
        }
        ignoredColumns = List.copyOf(unknown);
    }

    void startJson() throws IOException {
        try {
            json = mapper.getFactory().createParser(text);
            JsonToken first = json.nextToken();
            if (first == JsonToken.START_OBJECT) {
                // {"items": [...]} as the list endpoints answer
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    JsonToken value = json.nextToken();
                    if (name.equals("items") && value == JsonToken.START_ARRAY) {
                        return;
                    }
                    json.skipChildren();
                }
                throw new LedgerFormatException("a JSON ledger is an array of objects, or an object with an \"items\" array");
            }
            if (first != JsonToken.START_ARRAY) {
                throw new LedgerFormatException("a JSON ledger is an array of objects, or an object with an \"items\" array");
            }
        } catch (JsonProcessingException e) {
            throw new LedgerFormatException("not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The next row, or null at the end. */
    LedgerRow next() throws IOException {
        return csv != null ? nextCsv() : nextJson();
    }

    private LedgerRow nextCsv() throws IOException {
        List<String> record = decode(csv::next);
        if (record == null) {
            return null;
        }
        rowNo += 1 + csv.blankLinesBefore();
        Map<String, String> values = new HashMap<>();
        Map<String, String> columns = new HashMap<>();
        Set<String> pastEnd = new HashSet<>();
        String malformed = null;
        if (record.size() > header.size()) {
            malformed = "has " + record.size() + " cells but the header has " + header.size() + " columns (too many columns, 列数过多)";
        }
        for (int i = 0; i < header.size(); i++) {
            String field = columnFields.get(i);
            if (field == null) {
                continue;
            }
            // Every column the file names, also past the end of a short row: errors name the column as the file does.
            columns.put(field, header.get(i));
            if (i >= record.size()) {
                pastEnd.add(field);
                continue;
            }
            String v = record.get(i).strip();
            if (v.indexOf('\0') >= 0) {
                malformed = "column '" + header.get(i) + "' holds a NUL character";
            } else if (!v.isEmpty()) {
                values.put(field, v);
            }
        }
        return new LedgerRow(rowNo, values, columns, null, malformed, pastEnd);
    }

    private LedgerRow nextJson() throws IOException {
        try {
            JsonToken token = json.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                return null;
            }
            rowNo++;
            JsonNode node = mapper.readTree(json);
            return new LedgerRow(rowNo, null, null, node);
        } catch (JsonProcessingException e) {
            throw new LedgerFormatException("row " + (rowNo) + ": not valid JSON: " + e.getOriginalMessage());
        } catch (CharacterCodingException e) {
            throw new LedgerFormatException("row " + rowNo + ": the bytes are not valid " + charset.name());
        }
    }

    private String firstLine() throws IOException {
        text.mark(SNIFF_BYTES);
        char[] buf = new char[4096];
        int n = decode(() -> text.read(buf));
        text.reset();
        if (n <= 0) {
            return "";
        }
        String s = new String(buf, 0, n);
        int eol = s.indexOf('\n');
        return eol < 0 ? s : s.substring(0, eol);
    }

    private interface IoCall<T> {
        T call() throws IOException;
    }

    private <T> T decode(IoCall<T> call) throws IOException {
        try {
            return call.call();
        } catch (CharacterCodingException e) {
            throw new LedgerFormatException("line " + (csv == null ? 1 : csv.line()) + ": the bytes are not valid "
                    + charset.name() + "; send UTF-8 or GB18030 (or say charset= in Content-Type)");
        }
    }

    private static boolean looksLikeUtf8(byte[] head) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), false);
        return !result.isError();
    }

    @Override
    public void close() {
        try {
            text.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts bytes read from the file, for progress by size. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
