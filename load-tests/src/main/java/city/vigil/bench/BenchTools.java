package city.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** What the benchmarks share: processes, their CPU and memory from /proc, databases, imports, metrics. */
final class BenchTools {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** USER_HZ: /proc reports CPU time in these. */
    static final double CLOCK_TICKS = 100;

    private BenchTools() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** utime + stime of a process, in clock ticks. */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static long rssKb(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
    }

    static void recreateDatabase(String host, String database) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
    }

    /** The API key the helpers send, when the Vigil under test has access control on (null: off). */
    static volatile String bearer;

    static HttpRequest.Builder request(String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        return bearer == null ? b : b.header("Authorization", "Bearer " + bearer);
    }

    static String get(String url) throws Exception {
        return HTTP.send(request(url).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * An admin API key written straight into the database (what an admin would create at /api/v1/keys): the prefix and
     * the secret's SHA-256, as Vigil stores them. Returns the key to send.
     */
    static String adminKey(String host, String database) throws Exception {
        String prefix = "bench" + Long.toString(System.nanoTime() % 1000, 36);
        String secret = java.util.UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + "/" + database, "postgres", "");
             java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO api_key (prefix, secret_hash, name, role, created_by) "
                     + "VALUES (?, ?, 'benchmark', 'admin', 'benchmark')")) {
            s.setString(1, prefix);
            s.setBytes(2, java.security.MessageDigest.getInstance("SHA-256").digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            s.executeUpdate();
        }
        return "vgl_" + prefix + "_" + secret;
    }

    /** The sum of every sample of a Prometheus metric whose line starts with {@code prefix}. */
    static double metricSum(String metricsText, String prefix) {
        double sum = 0;
        for (String line : metricsText.split("\n")) {
            if (line.startsWith(prefix)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /**
     * The {@code q} quantile of a Prometheus histogram over the interval between two scrapes: the upper bound of the
     * first bucket whose count grew by at least q of the total growth (summed over every label set).
     */
    static double histogramQuantile(String before, String after, String metric, double q) {
        java.util.TreeMap<Double, Double> delta = new java.util.TreeMap<>();
        for (String[] scrape : new String[][] {{after, "1"}, {before, "-1"}}) {
            for (String line : scrape[0].split("\n")) {
                if (line.startsWith(metric + "_bucket{")) {
                    String le = line.replaceAll(".*le=\"([^\"]+)\".*", "$1");
                    double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                    double count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) * Integer.parseInt(scrape[1]);
                    delta.merge(bound, count, Double::sum);
                }
            }
        }
        double total = delta.isEmpty() ? 0 : delta.lastEntry().getValue();
        for (var e : delta.entrySet()) {
            if (e.getValue() >= q * total) {
                return e.getKey();
            }
        }
        return Double.NaN;
    }

    /** Posts a ledger to the import API and waits for the job to finish; returns the finished job. */
    static JsonNode importJob(VigilProcess vigil, Path file, String kind, String type, Runnable whileWaiting) throws Exception {
        HttpResponse<String> accepted = HTTP.send(request(vigil.url("/api/v1/imports?kind=" + kind))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("import refused: " + accepted.statusCode() + " " + accepted.body());
        }
        String location = accepted.headers().firstValue("Location").orElseThrow();
        while (true) {
            whileWaiting.run();
            JsonNode job = JSON.readTree(HTTP.send(request(location).build(), HttpResponse.BodyHandlers.ofString()).body());
            String state = job.path("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                System.out.printf("%s: %s, %d rows (%d created, %d updated, %d unchanged, %d rejected) in %.1f s%n", kind, state,
                        job.path("rowsRead").asLong(), job.path("created").asLong(), job.path("updated").asLong(),
                        job.path("unchanged").asLong(), job.path("rejected").asLong(), seconds(job));
                return job;
            }
            Thread.sleep(100);
        }
    }

    static double seconds(JsonNode job) {
        return java.time.Duration.between(java.time.OffsetDateTime.parse(job.path("startedAt").asText()),
                java.time.OffsetDateTime.parse(job.path("finishedAt").asText())).toMillis() / 1000.0;
    }

    /**
     * Starts {@code simulate} on free ports with a fleet of healthy cameras (no faults) and writes their ledger to
     * {@code ledger}; wait for it with {@link #awaitSimulatorReady}.
     */
    static Process startHealthySimulator(Path jar, String heap, int cameras, Path work, Path ledger) throws IOException {
        return new ProcessBuilder(java(), "-Xmx" + heap, "-jar", jar.toAbsolutePath().toString(), "simulate", "--cameras",
                String.valueOf(cameras), "--broken-share", "0", "--rtsp-port", "0", "--http-port", "0", "--control-port", "0",
                "--clip-cache", work.resolve("sim-clips").toString(), "--ledger", ledger.toString()).redirectErrorStream(true).start();
    }

    /** Starts {@code simulate} and waits for its READY line: [rtsp, control] ports. */
    static int[] awaitSimulatorReady(Process sim) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY")) {
                int rtsp = Integer.parseInt(line.replaceAll(".*rtsp=(\\d+).*", "$1"));
                int control = Integer.parseInt(line.replaceAll(".*control=(\\d+).*", "$1"));
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return new int[] {rtsp, control};
            }
        }
        throw new IllegalStateException("the simulator exited before it was ready");
    }
}
