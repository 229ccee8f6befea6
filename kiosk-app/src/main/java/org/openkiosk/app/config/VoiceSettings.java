package org.openkiosk.app.config;

import java.util.List;
import java.util.Locale;

/**
 * The {@code ui.voice:} part of {@code kiosk.yaml}: spoken guidance (语音引导).
 *
 * @param startsOn when the guidance is on at the start of a session (the citizen can switch it in the header)
 * @param volume   espeak-ng amplitude, {@value #MIN_VOLUME}–{@value #MAX_VOLUME} ({@code espeak-ng -a}; 100 is
 *                 espeak-ng's default)
 */
public record VoiceSettings(StartsOn startsOn, int volume) {

    public static final int MIN_VOLUME = 0;
    public static final int MAX_VOLUME = 200;
    public static final int DEFAULT_VOLUME = 100;

    /** When spoken guidance is on by default. */
    public enum StartsOn {
        /** never by default; a citizen may still switch it on */
        OFF,
        /** when elder mode is on (the default) */
        ELDER,
        /** for every citizen */
        ALWAYS;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        static List<String> words() {
            return List.of(OFF.word(), ELDER.word(), ALWAYS.word());
        }

        static StartsOn ofWord(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT));
        }
    }

    public VoiceSettings {
        if (startsOn == null) {
            throw new IllegalArgumentException("startsOn");
        }
        if (volume < MIN_VOLUME || volume > MAX_VOLUME) {
            throw new IllegalArgumentException("volume " + volume + " outside " + MIN_VOLUME + "–" + MAX_VOLUME);
        }
    }

    public static VoiceSettings defaults() {
        return new VoiceSettings(StartsOn.ELDER, DEFAULT_VOLUME);
    }

    /** Whether a session that starts with this elder mode starts with the guidance on. */
    public boolean onFor(boolean elderMode) {
        return startsOn == StartsOn.ALWAYS || (startsOn == StartsOn.ELDER && elderMode);
    }

    public VoiceSettings withVolume(int newVolume) {
        return new VoiceSettings(startsOn, newVolume);
    }
}
