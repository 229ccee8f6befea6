package org.openkiosk.app.voice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the speech engine of this machine (reads the file system: call it before the JavaFX thread runs). */
public final class SpeechEngines {

    private static final Logger LOG = LoggerFactory.getLogger(SpeechEngines.class);

    private SpeechEngines() {}

    /** espeak-ng on the speakers; silent when there is no sound card or no espeak-ng (said once in the log). */
    public static SpeechEngine forThisMachine() {
        if (!AudioDevices.present()) {
            LOG.warn("no sound card ({} lists none): spoken guidance is silent", AudioDevices.PROC_CARDS);
            return SpeechEngine.SILENT;
        }
        return EspeakNg.installed().<SpeechEngine>map(e -> e).orElseGet(() -> {
            LOG.warn("{} is not installed (Debian package espeak-ng): spoken guidance is silent",
                    EspeakNg.DEFAULT_EXECUTABLE);
            return SpeechEngine.SILENT;
        });
    }
}
