package city.vigil.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged Vigil jar run as a separate process, as an operator would run it. */
final class VigilProcess implements AutoCloseable {
    final int port;
    final Process process;

    private VigilProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static VigilProcess start(Path jar, Map<String, String> env, List<String> jvmArgs, Path log) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmArgs);
        // The benchmarks measure the monitor, imports and pages; access control is measured on its own
        // (AccessCostBenchmark), which turns it on. Everywhere else it is off, as if every call carried an admin's key.
        if (jvmArgs.stream().noneMatch(a -> a.startsWith("-Dvigil.access.enabled="))) {
            command.add("-Dvigil.access.enabled=false");
        }
        // -Dvigil.jvmArgs="..." adds JVM options to the Vigil under test (a profiler, a flight recording).
        String extra = System.getProperty("vigil.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        // -Dvigil.preload=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2 runs it with another malloc, as the Docker image does.
        String preload = System.getProperty("vigil.preload", "").trim();
        if (!preload.isEmpty()) {
            builder.environment().put("LD_PRELOAD", preload);
        }
        Process process = builder.start();
        VigilProcess vigil = new VigilProcess(port, process);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Vigil exited during start-up; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(vigil.url("/q/health/ready"))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return vigil;
                }
            } catch (IOException ignored) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        vigil.close();
        throw new IllegalStateException("Vigil did not become ready in 120 s; see " + log);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
