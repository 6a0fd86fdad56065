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
}
