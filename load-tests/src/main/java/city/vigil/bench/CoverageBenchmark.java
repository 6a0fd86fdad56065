package city.vigil.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Coverage at the scale of the generated city (~923,000 cameras, ~20,000 grids, ~10,000 sites): runs
 * {@link city.vigil.coverage.CoverageBench} on the packaged Vigil's classes (the real coverage book and queries, without
 * HTTP) and prints its figures:
 * build time and heap, cost of one state change (p50/p99 over a million), coverage by district and blind spots p50/p99.
 * Run from {@code load-tests/}: {@code ../mvnw compile exec:java -Dbench=CoverageBenchmark} (-Dscale=1.0 -Dchanges=1000000 -Dsites=10000).
 */
public final class CoverageBenchmark {

    public static void main(String[] args) throws Exception {
        Path app = Path.of(System.getProperty("vigil.app", "../target/quarkus-app")).toAbsolutePath();
        String classpath = String.join(java.io.File.pathSeparator, Path.of("target/classes").toAbsolutePath().toString(),
                app.resolve("app").resolve("*").toString(), app.resolve("lib/main").resolve("*").toString());
        String scale = System.getProperty("scale", "1.0");
        String changes = System.getProperty("changes", "1000000");
        // The issue's ~10,000 key sites; the generator itself plans ~4,700 from the published categories.
        String sites = System.getProperty("sites", "10000");
        Process p = new ProcessBuilder(BenchTools.java(), "-Xmx3g", "-cp", classpath, "city.vigil.coverage.CoverageBench", scale, changes, sites)
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out.lines().forEach(System.out::println);
        }
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("coverage-bench failed");
        }
    }
}
