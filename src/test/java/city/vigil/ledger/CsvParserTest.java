package city.vigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 4180 as spreadsheets and ledger exports write it, one case a row. */
class CsvParserTest {

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("plain fields", "a,b,c\n", ',', List.of(List.of("a", "b", "c"))),
                Arguments.of("no newline at the end", "a,b", ',', List.of(List.of("a", "b"))),
                Arguments.of("CRLF, CR and LF line ends", "a\r\nb\rc\nd", ',', List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d"))),
                Arguments.of("a quoted delimiter", "\"天河区,体育西路\",2\n", ',', List.of(List.of("天河区,体育西路", "2"))),
                Arguments.of("doubled quotes", "\"他说\"\"你好\"\"\",x\n", ',', List.of(List.of("他说\"你好\"", "x"))),
                Arguments.of("a newline inside quotes", "\"一行\n两行\",x\n", ',', List.of(List.of("一行\n两行", "x"))),
                Arguments.of("empty fields", ",,\n", ',', List.of(List.of("", "", ""))),
                Arguments.of("a quote inside an unquoted field is text", "a\"b,c\n", ',', List.of(List.of("a\"b", "c"))),
                Arguments.of("blank lines are skipped", "a\n\n\nb\n", ',', List.of(List.of("a"), List.of("b"))),
                Arguments.of("a tab delimiter", "a\tb,c\n", '\t', List.of(List.of("a", "b,c"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void reads_records(String name, String text, char delimiter, List<List<String>> expected) throws IOException {
        assertThat(readAll(new CsvParser(new StringReader(text), delimiter))).isEqualTo(expected);
    }

    @Test
    void counts_the_blank_lines_before_a_record_so_row_numbers_match_the_spreadsheet() throws IOException {
        CsvParser p = new CsvParser(new StringReader("header\n\n\nrow\n"), ',');
        p.next();
        assertThat(p.blankLinesBefore()).isZero();
        p.next();
        assertThat(p.blankLinesBefore()).isEqualTo(2);
    }

    @Test
    void names_the_line_of_a_quote_left_open() {
        CsvParser p = new CsvParser(new StringReader("a,b\n\"never closed,c\nd\n"), ',');
        assertThatThrownBy(() -> readAll(p)).isInstanceOf(LedgerFormatException.class).hasMessageContaining("line 2")
                .hasMessageContaining("not closed");
    }

    @Test
    void refuses_a_field_past_64_kb_instead_of_holding_it() {
        String huge = "x".repeat(64 * 1024 + 2);
        assertThatThrownBy(() -> readAll(new CsvParser(new StringReader(huge + ",y\n"), ','))).isInstanceOf(LedgerFormatException.class)
                .hasMessageContaining("longer than");
    }

    private static List<List<String>> readAll(CsvParser p) throws IOException {
        List<List<String>> all = new ArrayList<>();
        for (List<String> r = p.next(); r != null; r = p.next()) {
            all.add(r);
        }
        return all;
    }
}
