package city.vigil.demo;

import city.vigil.checkpoint.CheckpointHealthService;
import city.vigil.checkpoint.HeartbeatRequest;
import city.vigil.platform.ApiException;
import city.vigil.platform.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo city's checkpoint platform: every minute each checkpoint reports its lanes' passes and a sample of pass
 * records, one in ten late, so timeliness is not a flat 100%. The last checkpoint never reports (from three on): the
 * desk sees a stale checkpoint as it would in a real city.
 */
final class DemoCheckpoints implements Runnable {
    private record Site(String gbId, List<Integer> lanes) {
    }

    private final CheckpointHealthService health;
    private final List<Site> sites = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(7);

    DemoCheckpoints(CheckpointHealthService health, Path checkpointsJson) throws IOException {
        this.health = health;
        for (JsonNode c : new ObjectMapper().readTree(checkpointsJson.toFile())) {
            List<Integer> lanes = new ArrayList<>();
            c.path("lanes").forEach(l -> lanes.add(l.path("laneNo").asInt()));
            sites.add(new Site(c.path("gbId").asText(), lanes));
        }
    }

    /** The last checkpoint is silent when there are three or more: a small demo keeps them all reporting. */
    private int silent() {
        return sites.size() >= 3 ? 1 : 0;
    }

    @Override
    public void run() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Site site : sites.subList(0, sites.size() - silent())) {
            List<HeartbeatRequest.LaneCount> lanes = new ArrayList<>();
            List<HeartbeatRequest.Record> records = new ArrayList<>();
            for (int lane : site.lanes()) {
                lanes.add(new HeartbeatRequest.LaneCount(lane, 20L + random.nextInt(60), now.minusSeconds(random.nextInt(20))));
                for (int i = 0; i < 3; i++) {
                    OffsetDateTime captured = now.minusSeconds(30 + random.nextInt(30));
                    records.add(new HeartbeatRequest.Record(lane, captured, captured.plusSeconds(random.nextInt(10) == 0 ? 90 : 2)));
                }
            }
            try {
                health.heartbeat(Scope.all(), site.gbId(), new HeartbeatRequest(lanes, records));
            } catch (ApiException e) {
                // Not imported yet (the import runs in the background): the next round reports it.
                Log.debugf("Demo checkpoint %s not reported: %s", site.gbId(), e.getMessage());
            } catch (RuntimeException e) {
                Log.warnf("Demo checkpoint %s not reported: %s", site.gbId(), e.toString());
            }
        }
    }
}
