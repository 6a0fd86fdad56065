package city.vigil.coverage;

import city.vigil.area.AreaLevel;
import city.vigil.citygen.GenerateCityCommand;
import city.vigil.platform.Scope;
import city.vigil.status.LinkState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code CoverageBench [scale] [changes] [sites]}: the coverage book at the scale of a generated city (the city
 * generator's ledger at scale 1: ~923,000 cameras, ~20,000 grids, ~4,700 sites, padded to {@code sites} if more are
 * asked for), run on the real classes without the HTTP layer. Prints the
 * build time and heap, the cost of one state change (p50/p99/max over a million), and the p50/p99 of coverage by
 * district and of the blind-spot lists (city-wide and for one district). Run by {@code load-tests}' CoverageBenchmark on
 * the packaged Vigil's classes; it lives in the coverage package to reach the book's package-private API.
 */
public final class CoverageBench {
    private static final String[] CAMERA_TYPES = {"球机", "半球", "固定枪机", "遥控枪机"};
    private static final List<String> DIRECTIONS = List.of("东", "西", "南", "北", "东南", "东北", "西南", "西北", "全向");

    private CoverageBench() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        // The generator plans ~4,700 sites from the published categories; a larger target adds sites of the same kinds.
        int siteTarget = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Path dir = Files.createTempDirectory("vigil-coverage-bench");
        long t0 = System.nanoTime();
        if (GenerateCityCommand.run(new String[] {"--scale", Double.toString(scale), "--seed", "42", "--out", dir.toString()}) != 0) {
            return 1;
        }
        System.out.printf("generated the city at scale %.2f in %.1f s%n", scale, (System.nanoTime() - t0) / 1e9);

        Map<String, String> paths = areaPaths(dir.resolve("areas.csv"));
        List<GridSpec> grids = new ArrayList<>();
        paths.forEach((code, path) -> {
            if (path.split("/").length == 5) {
                grids.add(new GridSpec(code, path));
            }
        });
        List<SiteSpec> sites = new ArrayList<>();
        for (JsonNode s : new ObjectMapper().readTree(dir.resolve("sites.json").toFile())) {
            sites.add(new SiteSpec(s.path("code").asText(), s.path("name").asText(), s.path("category").asText(), paths.get(s.path("areaCode").asText()),
                    s.path("lat").asDouble(), s.path("lon").asDouble(), s.path("radiusM").asDouble(), s.path("rule").path("minOnlineCameras").asInt(1),
                    s.path("rule").path("maxPointClass").asInt(3)));
        }
        List<CameraSpec> cameras = cameras(dir.resolve("cameras.csv"), paths);
        addSites(sites, cameras, siteTarget);

        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heap0 = rt.totalMemory() - rt.freeMemory();
        SplittableRandom random = new SplittableRandom(7);
        Instant now = Instant.now();
        long b0 = System.nanoTime();
        CoverageBook book = new CoverageBook(sites, grids);
        for (CameraSpec c : cameras) {
            int r = random.nextInt(100);
            book.add(c, r < 96 ? LinkState.ONLINE : r < 97 ? LinkState.DEGRADED : LinkState.OFFLINE, now, null, now);
        }
        book.settle(now);
        double build = (System.nanoTime() - b0) / 1e9;
        System.gc();
        long heap = rt.totalMemory() - rt.freeMemory() - heap0;
        long seeing = book.cameras().stream().filter(c -> !c.sees.isEmpty()).count();
        System.out.printf("book: %d cameras (%d see a site), %d grids, %d sites built in %.1f s; heap %d MB (%d bytes per camera)%n",
                book.cameraCount(), seeing, grids.size(), sites.size(), build, heap >> 20, heap / Math.max(1, book.cameraCount()));

        List<String> ids = new ArrayList<>(book.cameras().stream().map(c -> c.gbId).toList());
        long[] cost = new long[changes];
        long flips = 0;
        for (int i = 0; i < changes; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            LinkState to = book.camera(id).good() ? LinkState.OFFLINE : LinkState.ONLINE;
            long s = System.nanoTime();
            flips += book.state(id, to, now, null, now).size();
            cost[i] = System.nanoTime() - s;
        }
        Arrays.sort(cost);
        System.out.printf("state change: %d changes (%d site flips): p50 %.2f µs, p99 %.2f µs, max %.2f µs%n", changes, flips,
                cost[changes / 2] / 1e3, cost[(int) (changes * 0.99)] / 1e3, cost[changes - 1] / 1e3);

        String district = paths.get("440106");
        time("coverage by district (city-wide, grouped)", () -> CoverageQueries.tally(book, Scope.all(), "", "district", AreaLevel.DISTRICT));
        time("coverage by street within one district", () -> CoverageQueries.tally(book, Scope.all(), district, "street", AreaLevel.STREET));
        time("blind spots, city-wide (100 of each)", () -> CoverageQueries.blindSpots(book, Scope.all(), null, "", 100));
        time("blind spots, one district (100 of each)", () -> CoverageQueries.blindSpots(book, Scope.all(), "440106", district, 100));
        return 0;
    }

    /**
     * Pads the city to {@code target} sites: each added one copies a generated site's category, radius and rule and
     * stands 30–150 m from a random positioned camera in that camera's grid, as key sites stand among cameras.
     */
    private static void addSites(List<SiteSpec> sites, List<CameraSpec> cameras, int target) {
        List<CameraSpec> placed = cameras.stream().filter(c -> c.view() != null && c.gridPath() != null).toList();
        SplittableRandom random = new SplittableRandom(11);
        int generated = sites.size();
        for (int i = 0; sites.size() < target && !placed.isEmpty(); i++) {
            SiteSpec like = sites.get(random.nextInt(generated));
            CameraSpec near = placed.get(random.nextInt(placed.size()));
            double metres = 30 + random.nextDouble() * 120;
            double bearing = random.nextDouble() * 2 * Math.PI;
            double lat = near.view().lat() + metres * Math.cos(bearing) / 111_320;
            double lon = near.view().lon() + metres * Math.sin(bearing) / (111_320 * Math.cos(Math.toRadians(near.view().lat())));
            sites.add(new SiteSpec("BENCH" + i, like.name(), like.category(), near.gridPath(), lat, lon, like.radius(), like.minOnline(),
                    like.maxPointClass()));
        }
    }

    private static void time(String what, Runnable query) {
        for (int i = 0; i < 20; i++) {
            query.run();
        }
        int n = 200;
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            query.run();
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        System.out.printf("%s: p50 %.1f ms, p99 %.1f ms%n", what, t[n / 2] / 1e6, t[(int) (n * 0.99)] / 1e6);
    }

    /** Area code → path, from the generated areas (districts hang under Guangzhou, 440100). */
    private static Map<String, String> areaPaths(Path file) throws Exception {
        Map<String, String> parent = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] c = line.split(",", -1);
                parent.put(c[0], c[3]);
            }
        }
        Map<String, String> paths = new HashMap<>();
        for (String code : parent.keySet()) {
            paths.put(code, path(code, parent, paths));
        }
        return paths;
    }

    private static String path(String code, Map<String, String> parent, Map<String, String> paths) {
        String known = paths.get(code);
        if (known != null) {
            return known;
        }
        String up = parent.get(code);
        String p = up == null ? "440100/" + code + "/" : path(up, parent, paths) + code + "/";
        paths.put(code, p);
        return p;
    }

    private static List<CameraSpec> cameras(Path file, Map<String, String> paths) throws Exception {
        List<CameraSpec> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] c = line.split(",", -1);
                String path = paths.getOrDefault(c[10], "440100/");
                ViewShape view = c[4].isEmpty() ? null : ViewShape.of(Double.parseDouble(c[5]), Double.parseDouble(c[4]),
                        city.vigil.camera.Direction.azimuthOf(DIRECTIONS.indexOf(c[7]) + 1), Double.parseDouble(c[8]), Double.parseDouble(c[9]),
                        Arrays.asList(CAMERA_TYPES).indexOf(c[3]) + 1);
                out.add(new CameraSpec(c[0], Integer.parseInt(c[2]), path, path.split("/").length == 5 ? path : null, view));
            }
        }
        return out;
    }
}
