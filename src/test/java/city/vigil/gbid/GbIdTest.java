package city.vigil.gbid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GbIdTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            44010600001320000001   | null
            4401060000132000001    | must be 20 digits, not 19 characters
            440106000013200000011  | must be 20 digits, not 21 characters
            4401060000132000000A   | must be 20 digits; character 20 is 'A'
            ''                     | is required
            """)
    void validates_twenty_digits(String id, String problem) {
        assertThat(GbId.problem(id).orElse(null)).isEqualTo(problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            44010600001320000001 | 44010600 | 440106 | 00 | 社会治安路面接入 | 132 | 网络摄像机 (IPC) | 0 | 公安视频传输网 | 000001
            44010000051210500017 | 44010000 | 4401   | 05 | 交通卡口接入     | 121 | 视频卡口         | 0 | 公安视频传输网 | 500017
            44000000111186123456 | 44000000 | 44     | 11 | 教育部门接入     | 118 | 网络视频录像机 (NVR) | 6 | 电子政务外网 | 123456
            """)
    void decodes_each_part_with_its_name(String id, String centre, String division, String industry, String industryName,
                                         int type, String typeName, char network, String networkName, String serial) {
        GbId gbId = GbId.parse(id);
        assertThat(gbId.centreCode()).isEqualTo(centre);
        assertThat(gbId.divisionCode()).isEqualTo(division);
        assertThat(gbId.industryCode()).isEqualTo(industry);
        assertThat(gbId.industryName()).contains(industryName);
        assertThat(gbId.typeCode()).isEqualTo(type);
        assertThat(gbId.typeName()).contains(typeName);
        assertThat(gbId.networkCode()).isEqualTo(network);
        assertThat(gbId.networkName()).isEqualTo(networkName);
        assertThat(gbId.serial()).isEqualTo(serial);
    }

    @ParameterizedTest(name = "{0} is a {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            44010600001310000001 | CAMERA        | true
            44010600001320000001 | CAMERA        | true
            44010600001210000001 | CAMERA        | false
            44010600001210000001 | CHECKPOINT    | true
            44010600001180000001 | PARENT_DEVICE | true
            44010600001110000001 | PARENT_DEVICE | true
            44010600001320000001 | PARENT_DEVICE | false
            """)
    void checks_the_type_code_against_the_resource_kind(String id, DeviceKind kind, boolean accepted) {
        assertThat(GbId.parse(id).isA(kind)).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            44010600001320000001 | 440106 | true
            44010600001320000001 | 440104 | false
            44010000001320000001 | 440104 | true
            44010000001320000001 | 440604 | false
            """)
    void compares_the_division_with_an_area(String id, String district, boolean contains) {
        assertThat(GbId.parse(id).divisionContains(district)).isEqualTo(contains);
    }
}
