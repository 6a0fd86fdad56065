package city.vigil.citygen;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code generate-city [--scale 0.01] [--seed 42] [--out city] [--stream-base URL] [--import http://host:8080]}:
 * writes a synthetic Guangzhou (areas, cameras, checkpoints, sites) as import files and, with --import, loads it into a running Vigil.
 */
public final class GenerateCityCommand {
    private GenerateCityCommand() {
    }

    public static int run(String[] args) {
        PrintStream out = System.out;
        Map<String, String> options = new HashMap<>(Map.of("--scale", "0.01", "--seed", "42", "--out", "city"));
        java.util.Set<String> known = java.util.Set.of("--scale", "--seed", "--out", "--stream-base", "--import");
        for (int i = 0; i < args.length; i++) {
            if (!known.contains(args[i]) || i + 1 >= args.length) {
                System.err.println("usage: generate-city [--scale 0.0001..1.0] [--seed N] [--out DIR] [--stream-base rtsp://host:port/cam] [--import http://host:8080]");
                return 2;
            }
            options.put(args[i], args[++i]);
        }
        try {
            CitySpec spec = new CitySpec(Double.parseDouble(options.get("--scale")), Long.parseLong(options.get("--seed")));
            Path dir = Path.of(options.get("--out"));
            long started = System.nanoTime();
            CityGenerator.Counts counts = new CityGenerator(spec, options.containsKey("--stream-base")
                    ? CameraStreams.under(options.get("--stream-base")) : CameraStreams.fictional(spec.seed())).write(dir);
            out.printf("Wrote %s in %.1f s: %d streets, %d communities, %d grids, %d cameras, %d checkpoints, %d key sites%n",
                    dir.toAbsolutePath(), (System.nanoTime() - started) / 1e9, counts.streets(), counts.communities(),
                    counts.grids(), counts.cameras(), counts.checkpoints(), counts.sites());
            if (options.containsKey("--import")) {
                return new CityUploader(options.get("--import"), out).upload(dir) ? 0 : 1;
            }
            out.println("Import in this order: areas.csv (kind=areas), cameras.csv, checkpoints.json (kind=checkpoints), sites.json (kind=sites)");
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("generate-city failed: " + e);
            return 1;
        }
    }
}
