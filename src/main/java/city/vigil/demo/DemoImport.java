package city.vigil.demo;

import city.vigil.ledger.ImportFormat;
import city.vigil.ledger.ImportJob;
import city.vigil.ledger.ImportKind;
import city.vigil.ledger.ImportMode;
import city.vigil.ledger.ImportService;
import city.vigil.platform.Scope;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Imports the generated demo city through the registry's own import jobs, in the order they depend on each other:
 * areas, cameras, checkpoints (their lanes name cameras), key sites. Each job must end before the next is queued.
 */
final class DemoImport implements Runnable {
    private record Step(String file, ImportKind kind, ImportFormat format) {
    }

    private static final List<Step> STEPS = List.of(new Step("areas.csv", ImportKind.AREAS, ImportFormat.CSV),
            new Step("cameras.csv", ImportKind.CAMERAS, ImportFormat.CSV),
            new Step("checkpoints.json", ImportKind.CHECKPOINTS, ImportFormat.JSON),
            new Step("sites.json", ImportKind.SITES, ImportFormat.JSON));

    private final ImportService imports;
    private final Path dir;

    DemoImport(ImportService imports, Path dir) {
        this.imports = imports;
        this.dir = dir;
    }

    @Override
    public void run() {
        for (Step step : STEPS) {
            try {
                ImportJob job = submit(step);
                ImportJob done = awaitEnd(job);
                Log.infof("Demo city: %s imported (%s, %d created, %d rejected)", step.file(), done.state, done.created, done.rejected);
            } catch (IOException | RuntimeException e) {
                Log.errorf(e, "Demo city: %s could not be imported; the demo stops importing", step.file());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private ImportJob submit(Step step) throws IOException {
        Path file = dir.resolve(step.file());
        try (InputStream in = Files.newInputStream(file)) {
            return imports.submit(Scope.all(), new ImportService.Options(step.kind(), step.format(), ImportMode.PARTIAL, false,
                    StandardCharsets.UTF_8, "demo-" + step.file()), in, Files.size(file));
        }
    }

    /** Waits for the job: the import runner works in the background, and the next file needs this one's rows. */
    private ImportJob awaitEnd(ImportJob job) throws InterruptedException {
        while (true) {
            ImportJob now = QuarkusTransaction.requiringNew().call(() -> imports.get(Scope.all(), job.id));
            if (now.state.finished()) {
                return now;
            }
            Thread.sleep(200);
        }
    }
}
