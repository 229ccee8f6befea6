package org.openkiosk.app.ui.voice;

/** Spoken guidance as the screens see it: say a prompt (cutting off the one being said), or stop talking. */
public interface SpeechPort {

    /** Says {@code prompt} in the current language if guidance is on; returns at once. */
    void say(VoicePrompt prompt);

    /** Stops what is being said; returns at once. */
    void silence();
}
