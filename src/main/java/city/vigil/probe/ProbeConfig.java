package city.vigil.probe;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Where probes of either tier may go, and how many sessions a device gets at once (DESIGN §4). */
@ConfigMapping(prefix = "vigil.probe")
public interface ProbeConfig {

    /** Sessions open at once per device host (camera, NVR), liveness probes and deep grabs together: Vigil never overloads a device. */
    @WithDefault("2")
    int perHost();

    Targets targets();

    /** Which probe targets are allowed. */
    interface Targets {
        /** Camera-network ranges probes may go to. Empty: any address that is not refused below. */
        Optional<List<String>> allowedCidrs();

        /** Loopback, link-local and metadata addresses are refused unless this is set (the demo and tests). */
        @WithDefault("false")
        boolean allowLoopback();

        /** Ports probes may connect to. Empty: any. */
        Optional<List<Integer>> allowedPorts();
    }
}
