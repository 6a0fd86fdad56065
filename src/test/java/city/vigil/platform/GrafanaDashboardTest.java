package city.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard in docker/ charts only meters Vigil publishes, under the names Prometheus gives them. */
class GrafanaDashboardTest {
    private static final Pattern METRIC = Pattern.compile("\\bvigil_[a-z_]+");
    /** What Micrometer's Prometheus registry appends: counters, timers and their histograms. */
    private static final Pattern SUFFIX = Pattern.compile("(_total|_seconds_bucket|_seconds_count|_seconds_sum|_seconds_max|_seconds)$");

    @Test
    void every_query_names_a_published_meter() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("docker", "grafana", "vigil-dashboard.json").toFile());
        Set<String> published = Arrays.stream(Meter.values()).map(m -> m.id.replace('.', '_')).collect(Collectors.toSet());
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = METRIC.matcher(target.path("expr").asText());
                while (m.find()) {
                    queried.add(m.group());
                }
            }
        }
        assertThat(queried).as("the dashboard queries Vigil's meters").hasSizeGreaterThan(10);
        assertThat(queried).allSatisfy(name -> assertThat(published).as(name).contains(SUFFIX.matcher(name).replaceFirst("")));
    }
}
