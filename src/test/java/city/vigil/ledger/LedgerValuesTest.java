package city.vigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The values ledgers really hold (Chinese names, codes, spreadsheet numbers and dates), one case a row. */
class LedgerValuesTest {

    @ParameterizedTest(name = "{0} → class {1}")
    @CsvSource({"一类, 1", "一类点, 1", "二类视频监控点, 2", "三类, 3", "公安内部视频监控点, 4", "其他监控点, 9", "2, 2", "3.0, 3"})
    void reads_point_classes(String ledger, int pointClass) throws Exception {
        assertThat(LedgerValues.pointClass(ledger)).isEqualTo(pointClass);
    }

    @ParameterizedTest(name = "{0} → type {1}")
    @CsvSource({"球机, 1", "半球, 2", "固定枪机, 3", "枪机, 3", "遥控枪机, 4", "全景, 6", "未知, 99", "5, 5"})
    void reads_camera_types(String ledger, int type) throws Exception {
        assertThat(LedgerValues.cameraType(ledger)).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0} → direction {1}")
    @CsvSource({"东, 1", "西北, 8", "全向, 9", "ne, 6", "OMNI, 9", "4, 4"})
    void reads_directions(String ledger, int direction) throws Exception {
        assertThat(LedgerValues.direction(ledger)).isEqualTo(direction);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"1, IN_USE", "在用, IN_USE", "维修, REPAIR", "3, REMOVED", "removed, REMOVED"})
    void reads_lifecycles(String ledger, String lifecycle) throws Exception {
        assertThat(LedgerValues.lifecycle(ledger)).isEqualTo(lifecycle);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"1, true", "已联网, true", "是, true", "Yes, true", "0, false", "2, false", "未联网, false", "否, false"})
    void reads_networked_flags(String ledger, boolean networked) throws Exception {
        assertThat(LedgerValues.bool(ledger)).isEqualTo(networked);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"2021-06-01, 2021-06-01", "2021/6/1, 2021-06-01", "20210601, 2021-06-01", "2021.6.1, 2021-06-01", "2021年6月1日, 2021-06-01",
            "2021-06-01 08:30:00, 2021-06-01", "2021-06-01T08:30:00, 2021-06-01"})
    void reads_dates_as_spreadsheets_write_them(String ledger, LocalDate date) throws Exception {
        assertThat(LedgerValues.date(ledger)).isEqualTo(date);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"pointClass|五类|1, 2, 3, 4 or 9", "cameraType|球形|camera type code", "direction|上|direction code",
            "lifecycle|报废|1 在用, 2 维修 or 3 拆除", "bool|联网中|1 (已联网) or 0 (未联网)", "decimal|NaN|a number", "decimal|二十|a number",
            "date|六月一日|a date such as 2021-06-01"})
    void says_what_a_bad_value_should_be(String field, String ledger, String expected) {
        assertThatThrownBy(() -> parse(field, ledger)).isInstanceOf(LedgerValues.BadValue.class).hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"天网;雪亮|2", "学校、医院 ; 地铁|3", "'  '|0"})
    void splits_tags_on_every_separator_ledgers_use(String ledger, int count) {
        assertThat(LedgerValues.tags(ledger)).hasSize(count);
    }

    private static Object parse(String field, String value) throws LedgerValues.BadValue {
        return switch (field) {
            case "pointClass" -> LedgerValues.pointClass(value);
            case "cameraType" -> LedgerValues.cameraType(value);
            case "direction" -> LedgerValues.direction(value);
            case "lifecycle" -> LedgerValues.lifecycle(value);
            case "bool" -> LedgerValues.bool(value);
            case "decimal" -> LedgerValues.decimal(value);
            case "date" -> LedgerValues.date(value);
            default -> throw new IllegalArgumentException(field);
        };
    }
}
