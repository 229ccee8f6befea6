package org.openkiosk.app.voice;

/** The languages the kiosk speaks, with the espeak-ng voice for each. */
public enum SpokenLanguage {
    MANDARIN("cmn"),
    ENGLISH("en");

    private final String espeakVoice;

    SpokenLanguage(String espeakVoice) {
        this.espeakVoice = espeakVoice;
    }

    /** The {@code espeak-ng -v} voice name. */
    public String espeakVoice() {
        return espeakVoice;
    }
}
