package city.vigil.demo;

import city.vigil.checkpoint.CheckpointHealthService;
import city.vigil.citygen.CityGenerator;
import city.vigil.citygen.CitySpec;
import city.vigil.ledger.ImportService;
import city.vigil.sim.FleetManifest;
import city.vigil.sim.FleetPlan;
import city.vigil.sim.Picture;
import city.vigil.sim.Resolution;
import city.vigil.sim.Scenario;
import city.vigil.sim.SimConfig;
import city.vigil.sim.Simulator;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default's demo: a whole synthetic Guangzhou (streets, communities, grids, key sites, checkpoints with
 * lanes) at a few thousand cameras, whose streams the simulator serves (a few percent broken in assorted ways), and
 * whose checkpoints send heartbeats. The registry imports the city on the first start only; later starts rebuild
 * the same city from the seed for the simulator.
 */
@ApplicationScoped
public class Demo {
    private final DemoConfig config;
    private final ImportService imports;
    private final CheckpointHealthService checkpoints;
    private final AgroalDataSource dataSource;
    private Simulator simulator;
    private ScheduledExecutorService background;

    Demo(DemoConfig config, ImportService imports, CheckpointHealthService checkpoints, AgroalDataSource dataSource) {
        this.config = config;
        this.imports = imports;
        this.checkpoints = checkpoints;
        this.dataSource = dataSource;
    }

    /** After every other start-up observer: the import service must have failed the jobs of the last run before ours are queued. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        try {
            simulator = Simulator.start(new SimConfig(config.bindAddress(), config.rtspPort(), config.httpPort(),
                    config.controlPort(), Path.of(config.clipCache()), config.allowNonLoopback()));
        } catch (RuntimeException e) {
            Log.errorf("Demo fleet not started: the camera simulator could not start (%s); set vigil.demo.*-port or vigil.demo.enabled=false",
                    e.getMessage());
            return;
        }
        Path dir = Path.of(config.cityDir());
        CityGenerator.Counts city;
        try {
            List<Scenario> scenarios = FleetPlan.scenarios(FleetManifest.withBrokenShare(config.cameras(), List.of("440100"),
                    config.brokenShare(), config.seed()), new SplittableRandom(config.seed()));
            city = new CityGenerator(CitySpec.ofCameras(config.cameras(), config.seed()),
                    new SimulatedStreams(simulator, scenarios, config.seed())).write(dir);
        } catch (IOException | RuntimeException e) {
            Log.errorf(e, "Demo fleet not started: the demo city could not be written to %s", dir);
            return;
        }
        // Encode the clips now rather than on the first probe (a 1080p clip takes seconds; encoded on a first DESCRIBE
        // it would stall every stream on that simulator loop and the prober would rightly suspect its own network).
        // The healthy picture, which nearly every camera shows, before the fleet is probed; the faults in the background.
        simulator.prepare(Resolution.MAIN, Picture.NORMAL);
        simulator.prepare(Resolution.SUB, Picture.NORMAL);
        background = Executors.newScheduledThreadPool(2, runnable -> {
            Thread t = new Thread(runnable, "demo");
            t.setDaemon(true);
            return t;
        });
        background.execute(() -> {
            simulator.prepare(Picture.values());
            simulator.prepare(Resolution.MAIN, Picture.values());
        });
        startHeartbeats(dir);
        if (registryHasCameras()) {
            Log.infof("Demo city: %d simulated cameras served; the registry already has cameras, nothing imported", city.cameras());
            return;
        }
        Log.infof("Demo city: importing %d streets, %d communities, %d grids, %d cameras (%.0f%% broken), %d checkpoints and %d key sites; "
                        + "simulator control API at http://%s:%d/sim/cameras", city.streets(), city.communities(), city.grids(), city.cameras(),
                config.brokenShare() * 100, city.checkpoints(), city.sites(), config.bindAddress(), simulator.controlPort());
        background.execute(new DemoImport(imports, dir));
    }

    private void startHeartbeats(Path dir) {
        try {
            DemoCheckpoints beacon = new DemoCheckpoints(checkpoints, dir.resolve("checkpoints.json"));
            background.scheduleWithFixedDelay(beacon, 5, config.heartbeatInterval().toSeconds(), TimeUnit.SECONDS);
        } catch (IOException e) {
            Log.errorf("Demo city: checkpoints send no heartbeats (%s)", e.getMessage());
        }
    }

    private boolean registryHasCameras() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM camera)")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the registry", e);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (background != null) {
            background.shutdownNow();
        }
        if (simulator != null) {
            simulator.close();
        }
    }
}
