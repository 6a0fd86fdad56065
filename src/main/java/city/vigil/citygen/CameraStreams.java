package city.vigil.citygen;

import java.util.SplittableRandom;

/** Where a generated camera's streams are, and any tags that go with them: fictional addresses, a base URL, or the demo's simulator. */
public interface CameraStreams {

    /** The main and sub stream URLs of one camera, and extra ledger tags (null for none). */
    record Streams(String main, String sub, String tags) {
    }

    Streams of(String gbId, int pointClass);

    /** {@code base/gbId/main} and {@code base/gbId/sub}: a simulator or a test server that serves any path. */
    static CameraStreams under(String base) {
        return (gbId, pointClass) -> new Streams(base + "/" + gbId + "/main", base + "/" + gbId + "/sub", null);
    }

    /** Private 10.x addresses, one per camera, by district: a ledger to import, never to probe. */
    static CameraStreams fictional(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return (gbId, pointClass) -> {
            String base = "rtsp://10." + (gbId.charAt(5) - '0' + 16) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254))
                    + ":554/cam/" + gbId;
            return new Streams(base + "/main", base + "/sub", null);
        };
    }
}
