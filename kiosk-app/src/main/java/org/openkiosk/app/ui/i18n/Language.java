package org.openkiosk.app.ui.i18n;

import java.util.Locale;

/** The kiosk's display languages. */
public enum Language {
    ZH("zh", Locale.SIMPLIFIED_CHINESE),
    EN("en", Locale.UK);

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** The code used in the configuration ({@code ui.language}) and the bundle file names. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    public Language other() {
        return this == ZH ? EN : ZH;
    }

    /** Parses {@code zh} or {@code en}; anything else is rejected with the known codes named. */
    public static Language ofCode(String code) {
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language \"" + code + "\" (known: zh, en)");
    }
}
