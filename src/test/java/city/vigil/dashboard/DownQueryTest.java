package city.vigil.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.vigil.platform.ApiException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The down list's filter from a page's query string: checked field by field, and written back for the pager's links. */
class DownQueryTest {

    @Test
    void reads_the_form_and_writes_it_back_for_another_page() {
        DownQuery q = DownQuery.parse("1", "REFUSED", "", "1h", "false", "3");
        assertThat(q.filter().pointClass()).isEqualTo(1);
        assertThat(q.filter().causes()).containsExactly("REFUSED");
        assertThat(q.filter().downAtLeast()).isEqualTo(Duration.ofHours(1));
        assertThat(q.filter().acknowledged()).isFalse();
        assertThat(q.queryString()).isEqualTo("?class=1&cause=REFUSED&downFor=1h&ack=false&page=3");
        assertThat(q.queryString(1)).as("the first page has no page parameter").isEqualTo("?class=1&cause=REFUSED&downFor=1h&ack=false");
        assertThat(DownQuery.parse(null, null, null, null, null, null).filtered()).isFalse();
    }

    @Test
    void a_wrong_value_is_an_error_naming_its_field() {
        assertThatThrownBy(() -> DownQuery.parse("7", null, null, null, null, null)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).errors.get(0).field()).isEqualTo("class"));
        assertThatThrownBy(() -> DownQuery.parse(null, "BLACK", null, null, null, null)).as("an image fault is not a liveness cause")
                .isInstanceOf(ApiException.class).satisfies(e -> assertThat(((ApiException) e).errors.get(0).field()).isEqualTo("cause"));
        assertThatThrownBy(() -> DownQuery.parse(null, null, "TIMEOUT", null, null, null))
                .isInstanceOf(ApiException.class).satisfies(e -> assertThat(((ApiException) e).errors.get(0).field()).isEqualTo("fault"));
        assertThatThrownBy(() -> DownQuery.parse(null, null, null, "2w", null, null))
                .isInstanceOf(ApiException.class).satisfies(e -> assertThat(((ApiException) e).errors.get(0).field()).isEqualTo("downFor"));
        assertThatThrownBy(() -> DownQuery.parse(null, null, null, null, null, "0"))
                .isInstanceOf(ApiException.class).satisfies(e -> assertThat(((ApiException) e).errors.get(0).field()).isEqualTo("page"));
    }
}
