package city.vigil.demo;

import city.vigil.ledger.ImportFormat;
import city.vigil.ledger.ImportJob;
import city.vigil.ledger.ImportKind;
import city.vigil.ledger.ImportMode;
import city.vigil.ledger.ImportService;
import city.vigil.platform.Scope;
import city.vigil.sim.FleetManifest;
import city.vigil.sim.FleetPlan;
import city.vigil.sim.Picture;
import city.vigil.sim.Resolution;
import city.vigil.sim.SimConfig;
import city.vigil.sim.Simulator;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded default's demo: the simulator serves a fleet of Guangzhou cameras (a few percent broken in assorted
 * ways) and, on the first start only, the registry imports it. Later starts rebuild the same fleet from the seed.
 */
@ApplicationScoped
public class Demo {
    private final DemoConfig config;
    private final ImportService imports;
    private final AgroalDataSource dataSource;
    private Simulator simulator;

    Demo(DemoConfig config, ImportService imports, AgroalDataSource dataSource) {
        this.config = config;
        this.imports = imports;
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
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
        FleetPlan fleet = FleetPlan.plan(FleetManifest.withBrokenShare(config.cameras(), config.districts(),
                config.brokenShare(), config.seed()));
        fleet.populate(simulator);
        // Encode the clips now rather than on the first probe (a 1080p clip takes seconds; encoded on a first DESCRIBE
        // it would stall every stream on that simulator loop and the prober would rightly suspect its own network).
        // The healthy picture, which nearly every camera shows, before the fleet is probed; the faults in the background.
        simulator.prepare(Resolution.MAIN, Picture.NORMAL);
        simulator.prepare(Resolution.SUB, Picture.NORMAL);
        Thread warmUp = new Thread(() -> {
            simulator.prepare(Picture.values());
            simulator.prepare(Resolution.MAIN, Picture.values());
        }, "sim-clip-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        if (registryHasCameras()) {
            Log.infof("Demo fleet: %d simulated cameras served; the registry already has cameras, nothing imported", fleet.cameras().size());
            return;
        }
        try {
            StringWriter ledger = new StringWriter();
            fleet.writeLedger(simulator, ledger);
            byte[] bytes = ledger.toString().getBytes(StandardCharsets.UTF_8);
            ImportJob job = imports.submit(Scope.all(), new ImportService.Options(ImportKind.CAMERAS, ImportFormat.CSV,
                    ImportMode.PARTIAL, false, StandardCharsets.UTF_8, "demo-fleet.csv"), new ByteArrayInputStream(bytes), (long) bytes.length);
            Log.infof("Demo fleet: importing %d simulated cameras (%.0f%% broken) as job %s; simulator control API at http://%s:%d/sim/cameras",
                    fleet.cameras().size(), config.brokenShare() * 100, job.id, config.bindAddress(), simulator.controlPort());
        } catch (IOException | RuntimeException e) {
            Log.errorf(e, "Demo fleet: the import could not be queued");
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
        if (simulator != null) {
            simulator.close();
        }
    }
}
