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
 * {@code ./data}, listening on 127.0.0.1 unless {@code VIGIL_HTTP_HOST} says otherwise); {@code generate-fleet} writes a synthetic city ledger and {@code simulate} runs the camera simulator
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
        // No access control yet: the embedded default answers this machine only, unless told an address to listen on.
        if (System.getProperty("quarkus.http.host") == null && System.getenv("VIGIL_HTTP_HOST") == null) {
            System.setProperty("quarkus.http.host", "127.0.0.1");
        }
        String dataDir = System.getProperty("vigil.data-dir", System.getenv().getOrDefault("VIGIL_DATA_DIR", "data"));
        try (EmbeddedDatabase ignored = EmbeddedDatabase.start(Path.of(dataDir))) {
            Quarkus.run(args);
        }
    }
}
