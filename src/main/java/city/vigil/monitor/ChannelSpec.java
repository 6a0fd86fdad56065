package city.vigil.monitor;

import city.vigil.camera.Lifecycle;
import city.vigil.camera.StreamProtocol;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the monitor needs of a camera's registry record: where it counts (the district is kept apart for the prober
 * guard, which needs it on every probe), the registry facts its rates report
 * (networked, record complete), what to probe and how. The probed stream
 * is chosen once, here (see {@link ChannelLoader}); credentials stay encrypted until the moment of the probe.
 */
public record ChannelSpec(String gbId, int pointClass, String areaPath, String district, String maintainer, String owner, Lifecycle lifecycle,
                          String parentGbId, boolean networked, boolean complete, String url, StreamProtocol protocol, byte[] credentials,
                          String stream) {

    /** The district code of an area path (its second element; the first for a city-level path). */
    static String districtOf(String areaPath) {
        String[] parts = areaPath.split("/");
        return parts.length > 1 ? parts[1] : parts[0];
    }

    /** Probed at all: not REMOVED, and there is a stream to probe. */
    boolean probed() {
        return lifecycle != Lifecycle.REMOVED && url != null;
    }

    /** Counts in the rates and may have outages: IN_USE (REPAIR and REMOVED leave the rates). */
    boolean inService() {
        return lifecycle == Lifecycle.IN_USE;
    }

    /** Whether anything the monitor uses differs (records compare arrays by reference, so not {@code equals}). */
    boolean sameAs(ChannelSpec o) {
        return o != null && pointClass == o.pointClass && areaPath.equals(o.areaPath) && Objects.equals(maintainer, o.maintainer)
                && lifecycle == o.lifecycle && Objects.equals(parentGbId, o.parentGbId) && networked == o.networked
                && complete == o.complete && Objects.equals(url, o.url)
                && protocol == o.protocol && Arrays.equals(credentials, o.credentials) && Objects.equals(stream, o.stream);
    }

    @Override
    public String toString() {
        // Never the credentials; the URL is stored without them.
        return "ChannelSpec[" + gbId + " class " + pointClass + " " + lifecycle + " " + url + "]";
    }
}
