package city.vigil.dashboard;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The pages' words in English; Chinese in {@code messages/msg_zh.properties} (the default language of the pages). */
@MessageBundle(value = "msg", locale = "en")
public interface Labels {
    @Message("Vigil · video network health")
    String title();

    @Message("Whole registry")
    String everywhere();

    @Message("As of")
    String asOf();

    @Message("Live")
    String live();

    @Message("Connection lost: figures are stale")
    String stale();

    @Message("Monitored")
    String monitored();

    @Message("Online")
    String online();

    @Message("Degraded")
    String degraded();

    @Message("Offline")
    String offline();

    @Message("Unreachable")
    String unreachable();

    @Message("Unknown")
    String unknown();

    @Message("In maintenance")
    String inMaintenance();

    @Message("Out of service")
    String outOfService();

    @Message("Online rate")
    String onlineRate();

    @Message("Intact rate")
    String intactRate();

    @Message("Networking rate")
    String networkingRate();

    @Message("Completeness")
    String completeness();

    @Message("By point class")
    String byClass();

    @Message("Class {pointClass}")
    String pointClass(String pointClass);

    @Message("Class {pointClass}")
    String pointClassOf(int pointClass);

    @Message("Worst first")
    String worstFirst();

    @Message("Area")
    String area();

    @Message("Nothing monitored here yet")
    String nothing();

    @Message("{#switch level}{#case 'CITY'}Cities{#case 'DISTRICT'}Districts{#case 'STREET'}Streets{#case 'COMMUNITY'}Communities{#case 'GRID'}Grids{#else}{level}{/switch}")
    String level(String level);

    @Message("中文")
    String otherLanguage();

    @Message("Overview")
    String overview();

    @Message("Outages")
    String outages();

    @Message("Wall")
    String wall();

    @Message("Registered")
    String registered();

    @Message("Down here now")
    String downHere();

    @Message("Nothing is down here")
    String nothingDown();

    @Message("Camera")
    String camera();

    @Message("State")
    String state();

    @Message("Since")
    String since();

    @Message("Cause")
    String cause();

    @Message("Last probe")
    String lastProbe();

    @Message("Maintainer")
    String maintainer();

    @Message("Owner")
    String owner();

    @Message("Address")
    String address();

    @Message("Parent device")
    String parent();

    @Message("Device type")
    String deviceType();

    @Message("Position")
    String position();

    @Message("Outage log")
    String outageLog();

    @Message("Latest snapshot")
    String snapshot();

    @Message("Open outages")
    String openOutages();

    @Message("Unacknowledged")
    String unacknowledged();

    @Message("Duration")
    String duration();

    @Message("Ended")
    String ended();

    @Message("Acknowledged by {by}: {note}")
    String acknowledgedBy(String by, String note);

    @Message("Acknowledge all {count} unacknowledged")
    String acknowledgeGroup(long count);

    @Message("Your name")
    String by();

    @Message("Note (required: what is being done)")
    String note();

    @Message("{count} outages acknowledged")
    String acknowledgedCount(int count);

    @Message("Not acknowledged: {reason}")
    String notAcknowledged(String reason);

    @Message("No open outages")
    String noOutages();

    @Message("All monitored points are within their targets")
    String allWell();

    @Message("Class-1 points down: {count}")
    String class1Down(long count);


    @Message("Map")
    String map();

    @Message("Target")
    String target();

    @Message("met")
    String met();

    @Message("below target")
    String belowTarget();

    @Message("Fault types (open outages)")
    String faultSplit();

    @Message("Class-1 online rate")
    String class1Rate();

    @Message("vs. same hour yesterday (pp)")
    String changeSinceYesterday();

    @Message("Incidents")
    String incidents();

    @Message("No incidents")
    String noIncidents();

    @Message("Mass outage in {area}: {count} channels down")
    String incidentArea(String area, long count);

    @Message("Parent device {parent}: {count} cameras down")
    String incidentParent(String parent, long count);

    @Message("Newest unacknowledged outages")
    String newestUnacknowledged();

    @Message("Every open outage is acknowledged")
    String noUnacknowledged();

    @Message("Filter")
    String filter();

    @Message("Point class")
    String pointClassLabel();

    @Message("Any")
    String any();

    @Message("Image fault")
    String fault();

    @Message("Down for")
    String downFor();

    @Message("Acknowledged")
    String acknowledged();

    @Message("Yes")
    String yes();

    @Message("No")
    String no();

    @Message("Apply")
    String apply();

    @Message("Clear")
    String clear();

    @Message("{count} cameras match")
    String matching(long count);

    @Message("Pages")
    String pages();

    @Message("Previous")
    String previous();

    @Message("Next")
    String next();

    @Message("Page {page} of {pages}")
    String pageOf(int page, long pages);

    @Message("Online rate, last 24 hours")
    String trendDay();

    @Message("Online rate, last 30 days")
    String trendMonth();

    @Message("No figures yet: the hourly rollup fills this in")
    String noTrend();

    @Message("Yesterday's daily assessment")
    String yesterdayAssessment();

    @Message("No assessment for yesterday")
    String noAssessment();

    @Message("Checkpoints (last 24 h)")
    String checkpoints();

    @Message("Timeliness rate")
    String timeliness();

    @Message("Silent (no heartbeat)")
    String silent();

    @Message("Uncovered key sites")
    String uncoveredSites();

    @Message("Coverage is being built")
    String coverageBuilding();

    @Message("Every key site is covered")
    String allCovered();

    @Message("{count} key sites uncovered")
    String uncoveredCount(long count);

    @Message("Chronic offenders (30 days)")
    String chronic();

    @Message("Most outages")
    String mostOutages();

    @Message("Lowest availability")
    String lowestAvailability();

    @Message("{count} outages")
    String outageCount(long count);

    @Message("{#switch state}{#case 'ONLINE'}Online{#case 'DEGRADED'}Degraded{#case 'OFFLINE'}Offline{#case 'UNREACHABLE'}Unreachable{#else}Unknown{/switch}")
    String stateName(String state);

    @Message("{#switch cause}{#case 'REFUSED'}Connection refused{#case 'TIMEOUT'}Timeout{#case 'DNS'}Name not resolved{#case 'TLS'}TLS failure{#case 'AUTH_FAILED'}Authentication failed{#case 'NOT_FOUND'}Stream not found{#case 'BAD_RESPONSE'}Bad response{#case 'NO_VIDEO_TRACK'}No video track{#case 'NO_MEDIA'}No media{#case 'STALE'}Stale stream{#case 'SIGNAL_LOSS'}Signal loss{#case 'BLACK'}Black picture{#case 'TOO_DARK'}Too dark{#case 'OVEREXPOSED'}Overexposed{#case 'LOW_CONTRAST'}Low contrast{#case 'BLURRED'}Blurred{#case 'FROZEN'}Frozen{#case 'COLOUR_CAST'}Colour cast{#case 'NOISE'}Noise{#case 'OCCLUDED'}Occluded{#case 'STRIPES'}Stripes{#case 'NOT_ALLOWED'}Address not allowed{#case 'SCENE_CHANGED'}Scene changed{#case 'UNKNOWN'}Unknown{#else}{cause}{/switch}")
    String causeName(String cause);

    @Message("{#switch action}{#case 'checked'}Picture checked now{#case 'acknowledged'}Outage acknowledged{#case 'scheduled'}Maintenance scheduled{#else}{action}{/switch}")
    String actionDone(String action);

    @Message("Not done: {reason}")
    String actionFailed(String reason);

    @Message("captured")
    String capturedAt();

    @Message("stale: older than its sweep")
    String staleSnapshot();

    @Message("No snapshot yet")
    String noSnapshot();

    @Message("State over time")
    String stateOverTime();

    @Message("{#switch category}{#case 'UP'}Up{#case 'DOWN'}Down{#case 'MAINTENANCE'}Maintenance{#case 'REMOVED'}Removed{#else}Unknown{/switch}")
    String category(String category);

    @Message("Availability")
    String availabilityLabel();

    @Message("Actions")
    String actions();

    @Message("Check now")
    String checkNow();

    @Message("Acknowledge")
    String acknowledge();

    @Message("Reason")
    String reason();

    @Message("Starts (China time)")
    String startsAt();

    @Message("Ends (China time)")
    String endsAt();

    @Message("Schedule maintenance")
    String scheduleMaintenance();

    @Message("Maintenance windows")
    String maintenanceWindows();

    @Message("No maintenance scheduled")
    String noMaintenance();

    @Message("active now")
    String activeNow();

    @Message("Picture diagnosis")
    String diagnosis();

    @Message("Picture OK")
    String pictureOk();

    @Message("Score")
    String score();

    @Message("Threshold")
    String threshold();

    @Message("Result")
    String result();

    @Message("Not checked yet")
    String noDiagnosis();

    @Message("Resolved today")
    String resolvedToday();

    @Message("Nothing resolved today yet")
    String nothingResolved();

    @Message("Mean time to repair by {#if groupBy == 'street'}street{#else}district{/if} (7 days)")
    String mttrBy(String groupBy);

    @Message("MTTR")
    String mttr();

    @Message("covered key site")
    String coveredSite();

    @Message("centre")
    String centre();

    @Message("industry")
    String industry();

    @Message("network")
    String network();

    @Message("serial")
    String serial();

    @Message("All {count} in the down list ›")
    String allInDownList(long count);

    @Message("Log in")
    String logIn();

    @Message("Log out")
    String logOut();

    @Message("User name")
    String userName();

    @Message("Password")
    String password();

    @Message("Wrong user name or password")
    String loginFailed();

    @Message("Too many failed logins: try again in {seconds} s")
    String lockedOut(long seconds);

    @Message("Change password")
    String changePassword();

    @Message("Current password")
    String currentPassword();

    @Message("New password (at least 12 characters)")
    String newPassword();

    @Message("Your password is one-time: choose your own before you go on")
    String mustChange();

    @Message("Password changed")
    String passwordChanged();

    @Message("Audit log")
    String audit();

    @Message("When")
    String when();

    @Message("Who")
    String who();

    @Message("From")
    String from();

    @Message("What")
    String what();

    @Message("Outcome")
    String outcome();

    @Message("Change")
    String change();

    @Message("Before / after")
    String beforeAfter();

    @Message("Older")
    String older();
}
