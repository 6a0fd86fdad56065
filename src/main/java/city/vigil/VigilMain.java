package city.vigil;

import city.vigil.citygen.GenerateCityCommand;
import city.vigil.platform.EmbeddedDatabase;
import city.vigil.sim.SimulatorCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point. With no database URL configured Vigil runs on the embedded default: its own PostgreSQL under
 * {@code ./data}, listening on 127.0.0.1 unless {@code VIGIL_HTTP_HOST} says otherwise, with the {@code demo} profile
 * (a simulated camera fleet) unless {@code vigil.demo.enabled=false}. {@code generate-city} writes a synthetic city's
 * ledgers and {@code simulate} runs the camera simulator alone, instead of starting the service.
 */
@QuarkusMain
public class VigilMain {

    public static void main(String... args) throws Exception {
        String command = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            case "generate-city" -> System.exit(GenerateCityCommand.run(rest));
            case "simulate" -> System.exit(SimulatorCommand.run(rest));
            default -> {
            }
        }
        if (EmbeddedDatabase.databaseConfigured()) {
            Quarkus.run(args);
            return;
        }
        // No access control yet: the embedded default answers this machine only, unless told an address to listen on.
        if (System.getProperty("quarkus.http.host") == null && System.getenv("VIGIL_HTTP_HOST") == null) {
            System.setProperty("quarkus.http.host", "127.0.0.1");
        }
        if (demoWanted()) {
            String profiles = System.getProperty("quarkus.profile", System.getenv().getOrDefault("QUARKUS_PROFILE", "prod"));
            System.setProperty("quarkus.profile", profiles + ",demo");
        }
        String dataDir = System.getProperty("vigil.data-dir", System.getenv().getOrDefault("VIGIL_DATA_DIR", "data"));
        try (EmbeddedDatabase ignored = EmbeddedDatabase.start(Path.of(dataDir))) {
            Quarkus.run(args);
        }
    }

    /** The demo runs on the embedded default unless switched off ({@code -Dvigil.demo.enabled=false} or VIGIL_DEMO_ENABLED=false). */
    private static boolean demoWanted() {
        String off = System.getProperty("vigil.demo.enabled", System.getenv().getOrDefault("VIGIL_DEMO_ENABLED", "true"));
        return !off.trim().equalsIgnoreCase("false");
    }
}
