package city.vigil.dashboard;

import city.vigil.outage.AckRequest;
import city.vigil.outage.OutageService;
import city.vigil.outage.OutageView;
import city.vigil.platform.Page;
import city.vigil.platform.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outage desk: open outages grouped by cause, largest group first, each ordered by point class then duration, and
 * the acknowledgement of a whole group with one note (one statement in the outage store: each outage keeps its first
 * acknowledgement, and availability is untouched).
 */
@ApplicationScoped
public class OutageBoard {
    /** Open outages read for the page; past this the page says how many more there are. */
    static final int MAX_SHOWN = 2_000;
    private static final int PAGE = 500;

    private final OutageService outages;

    OutageBoard(OutageService outages) {
        this.outages = outages;
    }

    /** One cause and its open outages. */
    public record Group(String cause, List<OutageView> outages, long unacknowledged) {
    }

    public record Board(String areaCode, List<Group> groups, long open, boolean truncated) {
    }

    public Board board(Scope scope, String areaCode) {
        List<OutageView> open = openOutages(scope, areaCode);
        Map<String, List<OutageView>> byCause = new LinkedHashMap<>();
        for (OutageView o : open) {
            byCause.computeIfAbsent(o.cause() == null ? "UNKNOWN" : o.cause(), c -> new ArrayList<>()).add(o);
        }
        List<Group> groups = new ArrayList<>();
        byCause.forEach((cause, list) -> {
            list.sort(Comparator.comparingInt(OutageView::pointClass).thenComparing(OutageView::durationSeconds, Comparator.reverseOrder()));
            groups.add(new Group(cause, list, list.stream().filter(o -> o.ack() == null).count()));
        });
        groups.sort(Comparator.comparingInt((Group g) -> -g.outages().size()).thenComparing(Group::cause));
        return new Board(areaCode, groups, open.size(), open.size() >= MAX_SHOWN);
    }

    /** Acknowledges every open, unacknowledged outage of {@code cause} in the area; returns how many it acknowledged. */
    public int acknowledgeGroup(Scope scope, String areaCode, String cause, String by, String note) {
        return outages.acknowledgeAll(scope, areaCode, cause, new AckRequest(by, note));
    }

    private List<OutageView> openOutages(Scope scope, String areaCode) {
        List<OutageView> all = new ArrayList<>();
        Long after = null;
        while (all.size() < MAX_SHOWN) {
            Page<OutageView> page = outages.list(scope, new OutageService.Filter(areaCode, true, null, null), after, PAGE);
            all.addAll(page.items());
            if (page.next() == null) {
                break;
            }
            after = Long.valueOf(page.next());
        }
        return all;
    }
}
