package city.vigil.sim;

import java.net.InetAddress;
import java.nio.file.Path;

/**
 * Where the simulator listens and keeps its clips. Binding to anything but loopback needs
 * {@code allowNonLoopback}: simulated cameras are test fixtures, not services for a network.
 *
 * @param rtspPort 0 for any free port
 * @param httpPort 0 for any free port
 * @param controlPort 0 for any free port
 */
public record SimConfig(String bindAddress, int rtspPort, int httpPort, int controlPort, Path clipCache,
                        boolean allowNonLoopback) {

    public static SimConfig loopback(Path clipCache) {
        return new SimConfig("127.0.0.1", 0, 0, 0, clipCache, false);
    }

    InetAddress address() {
        try {
            InetAddress address = InetAddress.getByName(bindAddress);
            if (!address.isLoopbackAddress() && !allowNonLoopback) {
                throw new IllegalArgumentException("The simulator binds to loopback only unless allowNonLoopback is set; got " + bindAddress);
            }
            return address;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("Unknown bind address " + bindAddress, e);
        }
    }
}
