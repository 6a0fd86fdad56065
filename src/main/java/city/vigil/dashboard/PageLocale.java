package city.vigil.dashboard;

import java.util.List;
import java.util.Locale;

/**
 * The language a page is drawn in: the switch ({@code ?lang=}, remembered in a cookie) first, then the browser's
 * Accept-Language; Chinese unless English is asked for, since the operators are Chinese.
 */
final class PageLocale {
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final Locale EN = Locale.ENGLISH;
    static final String COOKIE = "vigil-lang";

    private PageLocale() {
    }

    static Locale pick(String lang, String cookie, List<Locale> acceptable) {
        Locale chosen = named(lang);
        if (chosen == null) {
            chosen = named(cookie);
        }
        if (chosen != null) {
            return chosen;
        }
        for (Locale l : acceptable) {
            if (l.getLanguage().equals("zh")) {
                return ZH;
            }
            if (l.getLanguage().equals("en")) {
                return EN;
            }
        }
        return ZH;
    }

    /** zh or en; null for anything else. */
    static Locale named(String lang) {
        if (lang == null) {
            return null;
        }
        String l = lang.trim().toLowerCase(Locale.ROOT);
        return l.startsWith("zh") ? ZH : l.startsWith("en") ? EN : null;
    }

    static String tag(Locale locale) {
        return locale == EN ? "en" : "zh-CN";
    }
}
