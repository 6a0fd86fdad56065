package city.vigil.dashboard;

import city.vigil.camera.Camera;
import city.vigil.camera.CameraFilter;
import city.vigil.camera.CameraService;
import city.vigil.gbid.GbId;
import city.vigil.outage.OutageService;
import city.vigil.outage.OutageView;
import city.vigil.platform.Scope;
import city.vigil.status.ChannelView;
import city.vigil.status.LinkState;
import city.vigil.status.StatusService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The cameras an operator drills down to: an area's down cameras, and one camera with its state and outage log. */
@ApplicationScoped
public class CameraDesk {
    /** Down cameras read for an area's list (ordered here by class, then longest down first); the page shows the first. */
    private static final int DOWN_READ = 500;
    static final int DOWN_SHOWN = 50;
    private static final List<LinkState> DOWN = List.of(LinkState.OFFLINE, LinkState.DEGRADED, LinkState.UNREACHABLE);

    private final CameraService cameras;
    private final StatusService statuses;
    private final OutageService outages;

    CameraDesk(CameraService cameras, StatusService statuses, OutageService outages) {
        this.cameras = cameras;
        this.statuses = statuses;
        this.outages = outages;
    }

    /** One camera as its page shows it. */
    public record CameraPage(Camera camera, String typeName, ChannelView status, List<OutageView> outages, Instant at) {
    }

    public CameraPage camera(Scope scope, String gbId) {
        Camera camera = cameras.get(scope, gbId);
        String type = GbId.problem(gbId).isEmpty() ? GbId.parse(gbId).typeName().orElse(null) : null;
        List<OutageView> log = outages.list(scope, new OutageService.Filter(null, null, null, gbId), null, 20).items();
        return new CameraPage(camera, type, statuses.status(scope, gbId), log, Instant.now());
    }

    /** The area's cameras that are down: class 1 first, then the longest down. */
    public List<StatusService.Item> down(Scope scope, String areaCode) {
        CameraFilter filter = new CameraFilter(areaCode, List.of(), null, null, null, null, null, null, null, null, null, null);
        List<StatusService.Item> down = new ArrayList<>(statuses.list(scope, filter, DOWN, null, null, DOWN_READ).items());
        down.sort(Comparator.comparingInt(StatusService.Item::pointClass)
                .thenComparing(i -> i.status().since() == null ? Instant.MAX : i.status().since()));
        return down.size() > DOWN_SHOWN ? down.subList(0, DOWN_SHOWN) : down;
    }
}
