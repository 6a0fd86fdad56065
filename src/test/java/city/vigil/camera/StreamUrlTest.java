package city.vigil.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            rtsp://admin:p%40ss@10.0.0.1:554/Streaming/101 | rtsp://10.0.0.1:554/Streaming/101 | RTSP     | admin:p@ss
            rtsp://10.0.0.1/cam/1/sub                      | rtsp://10.0.0.1/cam/1/sub         | RTSP     | null
            http://10.0.0.2:8080/live/1.flv                | http://10.0.0.2:8080/live/1.flv   | HTTP_FLV | null
            https://u:p@cdn.local/live/1/index.m3u8        | https://cdn.local/live/1/index.m3u8 | HLS    | u:p
            http://10.0.0.2/live/1.ts                      | http://10.0.0.2/live/1.ts         | HTTP_TS  | null
            """)
    void splits_credentials_from_the_stored_url(String raw, String url, StreamProtocol protocol, String credentials) throws Exception {
        StreamUrl parsed = StreamUrl.parse(raw, null);
        assertThat(parsed.url()).isEqualTo(url);
        assertThat(parsed.protocol()).isEqualTo(protocol);
        assertThat(parsed.credentials()).isEqualTo(credentials);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ftp://10.0.0.1/x.flv             | must use rtsp, rtsps, http or https
            http://10.0.0.1/live             | does not say its protocol
            rtsp://                          | is not a valid URL
            http://admin:secret@10.0.0.1/x   | does not say its protocol
            """)
    void rejects_urls_it_cannot_probe_without_echoing_secrets(String raw, String reason) {
        assertThatThrownBy(() -> StreamUrl.parse(raw, null)).hasMessageContaining(reason).hasMessageNotContaining("secret");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            http://10.0.0.2/live/1.flv?user=admin&password=s3cret            | http://10.0.0.2/live/1.flv         | null       | user=admin&password=s3cret
            http://10.0.0.2/live/1.flv?channel=2&PWD=s3cret&stream=sub       | http://10.0.0.2/live/1.flv?channel=2&stream=sub | null | PWD=s3cret
            https://u:p@cdn.local/live/1/index.m3u8?token=abc&bitrate=low    | https://cdn.local/live/1/index.m3u8?bitrate=low | u:p  | token=abc
            """)
    void keeps_credential_parameters_of_the_query_as_secret_as_user_and_password(String raw, String url, String userInfo, String query)
            throws Exception {
        StreamUrl parsed = StreamUrl.parse(raw, null);
        assertThat(parsed.url()).as("what is stored and shown").isEqualTo(url).doesNotContain("s3cret").doesNotContain("token");
        StreamSecret secret = StreamSecret.decode(parsed.credentials());
        assertThat(secret.userInfo()).isEqualTo(userInfo);
        assertThat(secret.query()).isEqualTo(query);
        assertThat(secret.withQueryCredentials(parsed.url())).as("what the probe dials").contains(query);
    }

    @org.junit.jupiter.api.Test
    void refuses_port_zero() {
        assertThatThrownBy(() -> StreamUrl.parse("rtsp://10.0.0.1:0/x", null)).hasMessageContaining("port");
    }
}
