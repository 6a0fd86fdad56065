package city.vigil.citygen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** Posts a generated fleet to a running Vigil in dependency order and follows each import job to its end. */
final class CityUploader {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String baseUrl;
    private final PrintStream out;

    CityUploader(String baseUrl, PrintStream out) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.out = out;
    }

    /** Imports areas, cameras, checkpoints and sites; returns false when any job did not succeed. */
    boolean upload(Path dir) throws IOException, InterruptedException {
        return run(dir.resolve("areas.csv"), "areas", "text/csv")
                && run(dir.resolve("cameras.csv"), "cameras", "text/csv")
                && run(dir.resolve("checkpoints.json"), "checkpoints", "application/json")
                && run(dir.resolve("sites.json"), "sites", "application/json");
    }

    JsonNode importFile(Path file, String kind, String contentType) throws IOException, InterruptedException {
        HttpRequest post = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/imports?mode=partial&kind=" + kind
                        + "&fileName=" + file.getFileName()))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        HttpResponse<String> accepted = http.send(post, HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IOException("import of " + file + " was refused: " + accepted.statusCode() + " " + accepted.body());
        }
        String location = accepted.headers().firstValue("Location").orElseThrow();
        long lastPrint = 0;
        while (true) {
            JsonNode job = mapper.readTree(http.send(HttpRequest.newBuilder(URI.create(location)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String state = job.path("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return job;
            }
            if (System.currentTimeMillis() - lastPrint > 2000) {
                lastPrint = System.currentTimeMillis();
                out.printf("  %s: %s %d%%, %d rows, %d rows/s%n", kind, job.path("phase").asText(), job.path("percent").asInt(),
                        job.path("rowsRead").asLong(), job.path("rowsPerSecond").asLong());
            }
            Thread.sleep(200);
        }
    }

    private boolean run(Path file, String kind, String contentType) throws IOException, InterruptedException {
        JsonNode job = importFile(file, kind, contentType);
        out.printf("%s: %s, %d rows, %d created, %d updated, %d unchanged, %d rejected, %d rows/s%n", kind,
                job.path("state").asText(), job.path("rowsRead").asLong(), job.path("created").asLong(),
                job.path("updated").asLong(), job.path("unchanged").asLong(), job.path("rejected").asLong(),
                job.path("rowsPerSecond").asLong());
        for (JsonNode error : job.path("errors")) {
            out.printf("  row %d %s: %s%n", error.path("row").asLong(), error.path("column").asText(""), error.path("reason").asText());
        }
        return job.path("state").asText().equals("SUCCEEDED");
    }
}
