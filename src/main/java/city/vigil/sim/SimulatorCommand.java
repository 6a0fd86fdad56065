package city.vigil.sim;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code simulate [--cameras 100000] [--broken-share 0.03] [--seed 2026] [--rtsp-port 8554] [--http-port 8555]
 * [--control-port 8556] [--clip-cache data/sim-clips] [--ledger FILE]}: runs the simulator alone, without the
 * registry, until stopped. Prints one {@code READY} line with its ports.
 */
public final class SimulatorCommand {
    private static final Set<String> OPTIONS = Set.of("--cameras", "--broken-share", "--seed", "--rtsp-port", "--http-port",
            "--control-port", "--clip-cache", "--ledger");
    private static final List<String> GUANGZHOU = List.of("440103", "440104", "440105", "440106", "440111", "440112",
            "440113", "440114", "440115", "440117", "440118");

    private SimulatorCommand() {
    }

    public static int run(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("--cameras", "100000", "--broken-share", "0.03", "--seed", "2026",
                "--rtsp-port", "8554", "--http-port", "8555", "--control-port", "8556", "--clip-cache", "data/sim-clips"));
        for (int i = 0; i < args.length; i++) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                System.err.println("usage: simulate " + String.join(" ", OPTIONS.stream().sorted().map(s -> "[" + s + " …]").toList()));
                return 2;
            }
            o.put(args[i], args[++i]);
        }
        Simulator simulator = Simulator.start(new SimConfig("127.0.0.1", Integer.parseInt(o.get("--rtsp-port")),
                Integer.parseInt(o.get("--http-port")), Integer.parseInt(o.get("--control-port")), Path.of(o.get("--clip-cache")), false));
        FleetPlan fleet = FleetPlan.plan(FleetManifest.withBrokenShare(Integer.parseInt(o.get("--cameras")), GUANGZHOU,
                Double.parseDouble(o.get("--broken-share")), Long.parseLong(o.get("--seed"))));
        fleet.populate(simulator);
        simulator.prepare(Arrays.stream(Picture.values()).toArray(Picture[]::new));
        if (o.containsKey("--ledger")) {
            try (Writer out = Files.newBufferedWriter(Path.of(o.get("--ledger")), StandardCharsets.UTF_8)) {
                fleet.writeLedger(simulator, out);
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.printf("READY cameras=%d rtsp=%d http=%d control=%d%n", fleet.cameras().size(), simulator.rtspPort(),
                simulator.httpPort(), simulator.controlPort());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
