package org.openkiosk.app.voice;

import java.io.IOException;

/**
 * The process boundary of spoken guidance: something that says a text aloud. Calls block only as long as it takes
 * to start speaking (never on the JavaFX thread: {@link Speaker} calls it from its own thread).
 */
public interface SpeechEngine {

    /**
     * Starts saying {@code text} and returns while it is being said.
     *
     * @param volume espeak-ng amplitude, 0–200
     * @throws IOException when the engine cannot be started
     */
    Utterance start(SpokenLanguage language, int volume, String text) throws IOException;

    /** One text being said. */
    interface Utterance {

        /** Stops it at once (the citizen moved on); nothing when it has already ended. */
        void cutOff();

        /** Whether it is still being said. */
        boolean speaking();
    }

    /** An engine that says nothing: a kiosk without an audio device or without espeak-ng. */
    SpeechEngine SILENT = (language, volume, text) -> new Utterance() {
        @Override
        public void cutOff() {
        }

        @Override
        public boolean speaking() {
            return false;
        }
    };
}
