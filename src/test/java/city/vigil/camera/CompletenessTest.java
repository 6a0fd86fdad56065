package city.vigil.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompletenessTest {

    /** Columns: class, address?, lat/lon?, installedOn?, contact?, recordDays? → missing fields ('-' for none). */
    @ParameterizedTest(name = "class {0} → {6}")
    @CsvSource(delimiter = '|', textBlock = """
            1 | y | y | y | y | y | -
            1 | y | n | y | y | y | lat lon
            1 | y | y | n | n | n | installedOn contact recordDays
            1 | n | n | n | n | n | address lat lon installedOn contact recordDays
            2 | y | n | n | n | n | lat lon
            2 | y | y | n | n | n | -
            3 | y | n | n | n | n | -
            3 | n | n | n | n | n | address
            4 | y | n | n | n | n | -
            9 | n | y | y | y | y | address
            """)
    void lists_the_mandatory_fields_a_class_lacks(int pointClass, String address, String position, String installed,
                                                 String contact, String recordDays, String expected) {
        CameraRequest camera = new CameraRequest("44010600001320000001", "cam", pointClass, null,
                yes(position) ? 23.1 : null, yes(position) ? 113.3 : null, null, null, null, null,
                yes(address) ? "天河路 1 号" : null, "440106", null, null, yes(contact) ? "020-1" : null, true, null,
                yes(installed) ? LocalDate.of(2020, 1, 1) : null, yes(recordDays) ? 30 : null, null, null, null, null);
        List<String> want = expected.equals("-") ? List.of() : Arrays.asList(expected.split(" "));
        assertThat(Completeness.missing(camera)).containsExactlyElementsOf(want);
    }

    private static boolean yes(String s) {
        return s.equals("y");
    }
}
