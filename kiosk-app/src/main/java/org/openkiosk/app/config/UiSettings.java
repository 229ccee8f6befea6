package org.openkiosk.app.config;

import java.time.Duration;

/**
 * @param language      the language the attract screen starts in: {@code zh} or {@code en}
 * @param elderMode     whether elder mode (large type, high contrast, big targets) is on by default
 * @param idleTimeout   how long a screen waits without a touch before it asks "still there?"
 * @param idleWarning   how long the "still there?" warning stays before the session resets (at least 20 s)
 * @param touchMode     hide the pointer (a touch screen); off for development with a mouse
 * @param voice         spoken guidance: when it starts on, and its volume
 */
public record UiSettings(String language, boolean elderMode, Duration idleTimeout, Duration idleWarning,
                         boolean touchMode, VoiceSettings voice) {

    /** Without a {@code voice:} section: the defaults (on in elder mode, espeak-ng's normal volume). */
    public UiSettings(String language, boolean elderMode, Duration idleTimeout, Duration idleWarning,
                      boolean touchMode) {
        this(language, elderMode, idleTimeout, idleWarning, touchMode, VoiceSettings.defaults());
    }

    public UiSettings withVoice(VoiceSettings newVoice) {
        return new UiSettings(language, elderMode, idleTimeout, idleWarning, touchMode, newVoice);
    }
}
