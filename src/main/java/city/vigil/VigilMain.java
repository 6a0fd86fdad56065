package city.vigil;

import city.vigil.fleet.FleetGeneratorCommand;
import city.vigil.platform.EmbeddedDatabase;
import city.vigil.sim.SimulatorCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point. With no database URL configured Vigil runs on the embedded default (its own PostgreSQL under
 * {@code ./data}); {@code generate-fleet} writes a synthetic city ledger and {@code simulate} runs the camera simulator
 * alone, instead of starting the service.
 */
@QuarkusMain
public class VigilMain {

    public static void main(String... args) throws Exception {
        if (args.length > 0 && args[0].equals("generate-fleet")) {
            System.exit(FleetGeneratorCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("coverage-bench")) {
            System.exit(city.vigil.coverage.CoverageBenchCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("simulate")) {
            System.exit(SimulatorCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (EmbeddedDatabase.databaseConfigured()) {
            Quarkus.run(args);
            return;
        }
        String dataDir = System.getProperty("vigil.data-dir", System.getenv().getOrDefault("VIGIL_DATA_DIR", "data"));
        try (EmbeddedDatabase ignored = EmbeddedDatabase.start(Path.of(dataDir))) {
            Quarkus.run(args);
        }
    }
}
