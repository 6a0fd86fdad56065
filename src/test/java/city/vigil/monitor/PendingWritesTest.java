package city.vigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.probe.ProbeCause;
import city.vigil.status.ChannelStatus;
import city.vigil.status.LinkState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions left unwritten at a stop come back at the next start exactly as they were decided, in order. */
class PendingWritesTest {
    private static final Instant T = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void every_kind_of_decision_survives_the_file_in_order_and_later_stops_append(@TempDir Path dir) throws Exception {
        PendingWrites pending = new PendingWrites(dir.resolve("pending-writes.jsonl"));
        ChannelStatus offline = new ChannelStatus("44010600001320000001", "440100/440106/", 1, "运维一队", "广州市公安局", LinkState.OFFLINE, false, true, false,
                true, true, false, T, ProbeCause.REFUSED);
        List<Write> first = List.of(
                new Write.Status(offline, null, T.minusSeconds(60), T, "connection refused", LinkState.ONLINE),
                new Write.OpenOutage("44010600001320000001", "440100/440106/", 1, "REFUSED", false, T, "BLACK"),
                new Write.Category("44010600001320000001", TimeCategory.DOWN, T));
        List<Write> second = List.of(
                new Write.CloseOutage("44010600001320000001", T.plusSeconds(30), false),
                new Write.Flapping("44010600001320000002", 2, T.plusSeconds(31)),
                new Write.Removed("44010600001320000003"));

        pending.save(first);
        pending.save(second);

        List<Write> loaded = pending.load();
        assertThat(loaded).hasSize(6);
        assertThat(loaded.subList(0, 3)).containsExactlyElementsOf(first);
        assertThat(loaded.subList(3, 6)).containsExactlyElementsOf(second);
        assertThat(Files.readString(dir.resolve("pending-writes.jsonl"))).as("one decision a line").hasLineCount(6);
    }

    @Test
    void nothing_kept_reads_as_nothing(@TempDir Path dir) throws Exception {
        assertThat(new PendingWrites(dir.resolve("none.jsonl")).load()).isEmpty();
    }
}
