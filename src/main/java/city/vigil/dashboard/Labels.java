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

    @Message("showing the first {count}")
    String truncated(long count);
}
