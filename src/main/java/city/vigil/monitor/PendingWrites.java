package city.vigil.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The monitor's decisions that could not be written before Vigil stopped (PostgreSQL away), kept in order in one file
 * under the data directory ({@code pending-writes.jsonl}, one decision a line) and applied first at the next start,
 * before the monitor restores its channels: a camera that recovered while the database was away does not stay OFFLINE
 * with an open outage after the restart.
 */
final class PendingWrites {
    private static final Logger LOG = Logger.getLogger(PendingWrites.class);
    private static final int BATCH = 5_000;
    private final Path file;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    PendingWrites(Path file) {
        this.file = file;
    }

    /** The file beside the embedded database's data: {@code vigil.data-dir} (VIGIL_DATA_DIR), {@code data} by default. */
    static PendingWrites inDataDir() {
        String dir = System.getProperty("vigil.data-dir", System.getenv().getOrDefault("VIGIL_DATA_DIR", "data"));
        return new PendingWrites(Path.of(dir, "pending-writes.jsonl"));
    }

    /** Appends {@code writes} (after any already kept), written to a temporary file first so a crash leaves no half line. */
    void save(List<Write> writes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            List<Write> all = new ArrayList<>(load());
            all.addAll(writes);
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (Write w : all) {
                    out.write(json.writeValueAsString(w));
                    out.newLine();
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.warnf("PostgreSQL did not take %d monitor decisions before the stop: kept in %s for the next start", writes.size(),
                    file.toAbsolutePath());
        } catch (IOException e) {
            LOG.errorf("%d monitor decisions could not be written to PostgreSQL nor kept in %s and are lost: %s", writes.size(), file, e.getMessage());
        }
    }

    List<Write> load() throws IOException {
        List<Write> writes = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return writes;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    writes.add(json.readValue(line, Write.class));
                }
            }
        }
        return writes;
    }

    /** Writes what the last run left, in order, then removes the file; returns how many. */
    int replay(StatusJournal journal) throws IOException, java.sql.SQLException {
        List<Write> writes = load();
        for (int from = 0; from < writes.size(); from += BATCH) {
            journal.write(writes.subList(from, Math.min(writes.size(), from + BATCH)));
        }
        Files.deleteIfExists(file);
        if (!writes.isEmpty()) {
            LOG.infof("Applied %d monitor decisions left from the last run (%s)", writes.size(), file.toAbsolutePath());
        }
        return writes.size();
    }
}
