package city.vigil.sim;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The cameras a {@link FleetManifest} describes, placed in a running {@link Simulator} and written as a registry
 * import file (the camera ledger CSV) whose stream URLs point at the simulator. Demo = start simulator + import +
 * monitor.
 */
public final class FleetPlan {
    /** One planned camera. */
    public record Planned(String gbId, String district, Scenario scenario, int pointClass, String subKind) {
    }

    private static final String[] SPOTS = {"路口", "公交站", "学校门口", "地铁口", "广场", "小区门口"};
    private final List<Planned> cameras;

    private FleetPlan(List<Planned> cameras) {
        this.cameras = cameras;
    }

    /** Plans the fleet: IDs by district (type 132, serials from 1), scenarios in the manifest's shares, shuffled. */
    public static FleetPlan plan(FleetManifest manifest) {
        SplittableRandom random = new SplittableRandom(manifest.seed());
        List<Scenario> scenarios = scenarios(manifest, random);
        List<Planned> planned = new ArrayList<>();
        int[] serials = new int[manifest.districts().size()];
        for (int i = 0; i < manifest.cameras(); i++) {
            int d = i % manifest.districts().size();
            String district = manifest.districts().get(d);
            String gbId = district + "00" + "00" + "132" + "0" + String.format("%06d", ++serials[d]);
            int pointClass = random.nextInt(100) < 10 ? 1 : random.nextInt(100) < 40 ? 2 : 3;
            planned.add(new Planned(gbId, district, scenarios.get(i), pointClass, subKind(random)));
        }
        return new FleetPlan(List.copyOf(planned));
    }

    /** Sub-streams mostly over RTSP, some over the HTTP protocols Vigil probes too: rtsp, flv, m3u8 or ts. */
    public static String subKind(SplittableRandom random) {
        int p = random.nextInt(100);
        return p < 80 ? "rtsp" : p < 90 ? "flv" : p < 95 ? "m3u8" : "ts";
    }

    /** One scenario per camera, in the manifest's shares (healthy for the rest), shuffled with the random given. */
    public static List<Scenario> scenarios(FleetManifest manifest, SplittableRandom random) {
        List<Scenario> scenarios = new ArrayList<>();
        // Largest remainders: 3% of 300 over 18 faults is 9 broken cameras, not 18 × round(0.5) or 18 × 0.
        List<Map.Entry<Scenario, Double>> shares = manifest.mix().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
        double total = shares.stream().mapToDouble(Map.Entry::getValue).sum();
        long broken = Math.round(total * manifest.cameras());
        Map<Scenario, Long> counts = new java.util.EnumMap<>(Scenario.class);
        for (Map.Entry<Scenario, Double> e : shares) {
            counts.put(e.getKey(), (long) Math.floor(e.getValue() * manifest.cameras() + 1e-9));
        }
        long left = broken - counts.values().stream().mapToLong(Long::longValue).sum();
        List<Map.Entry<Scenario, Double>> byRemainder = shares.stream().sorted((a, b) -> Double.compare(
                b.getValue() * manifest.cameras() - counts.get(b.getKey()), a.getValue() * manifest.cameras() - counts.get(a.getKey()))).toList();
        for (int i = 0; i < left && i < byRemainder.size(); i++) {
            counts.merge(byRemainder.get(i).getKey(), 1L, Long::sum);
        }
        for (Map.Entry<Scenario, Double> e : shares) {
            for (long i = 0; i < counts.get(e.getKey()) && scenarios.size() < manifest.cameras(); i++) {
                scenarios.add(e.getKey());
            }
        }
        while (scenarios.size() < manifest.cameras()) {
            scenarios.add(Scenario.HEALTHY);
        }
        for (int i = scenarios.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Scenario t = scenarios.get(i);
            scenarios.set(i, scenarios.get(j));
            scenarios.set(j, t);
        }
        return scenarios;
    }

    public List<Planned> cameras() {
        return cameras;
    }

    /** Adds every planned camera to the simulator with its scenario. */
    public void populate(Simulator simulator) {
        cameras.forEach(c -> simulator.fleet().add(c.gbId(), c.scenario()));
    }

    /**
     * Writes the camera ledger (English headers, as the import accepts) with the simulator's URLs. Tags name the
     * simulated scenario ({@code sim-black} …) so what Vigil detects can be checked against the truth.
     */
    public void writeLedger(Simulator simulator, Writer out) throws IOException {
        out.write("gbId,name,pointClass,cameraType,lat,lon,directionCode,hFovDeg,viewDistanceM,address,areaCode,"
                + "ownerUnit,maintainerUnit,contact,networked,lifecycle,installedOn,recordDays,tags,mainUrl,subUrl\n");
        SplittableRandom random = new SplittableRandom(cameras.size() * 31L + 7);
        for (Planned c : cameras) {
            double lat = 23.0 + random.nextDouble() * 0.5;
            double lon = 113.2 + random.nextDouble() * 0.5;
            String sub = c.subKind().equals("rtsp") ? simulator.rtspUrl(c.gbId(), Resolution.SUB)
                    : simulator.httpUrl(c.gbId(), Resolution.SUB, c.subKind());
            out.write(String.join(",", c.gbId(), "模拟摄像机" + SPOTS[random.nextInt(SPOTS.length)] + c.gbId().substring(14),
                    String.valueOf(c.pointClass()), String.valueOf(1 + random.nextInt(4)), String.format("%.6f", lat),
                    String.format("%.6f", lon), String.valueOf(1 + random.nextInt(8)), "60", "80", "模拟路 " + (1 + random.nextInt(500)) + " 号",
                    c.district(), "广州市公安局", "模拟运维" + (1 + random.nextInt(5)) + "队", "020-8000000" + random.nextInt(10), "true",
                    "IN_USE", "2022-01-01", "90", "sim;sim-" + c.scenario().label(),
                    simulator.rtspUrl(c.gbId(), Resolution.MAIN), sub));
            out.write('\n');
        }
    }
}
