package org.openkiosk.app.ui.voice;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.openkiosk.app.config.VoiceSettings;
import org.openkiosk.app.ui.i18n.Language;
import org.openkiosk.app.ui.i18n.Messages;
import org.openkiosk.app.voice.Speaker;
import org.openkiosk.app.voice.SpokenLanguage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell's {@link SpeechPort}: looks a prompt's keys up in the current language's bundle and hands the text to
 * the {@link Speaker} (its own thread). Says nothing while switched off; switching off cuts off what is being said.
 * JavaFX thread only.
 */
public final class VoiceGuide implements SpeechPort, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VoiceGuide.class);

    private final Messages messages;
    private final Speaker speaker;
    private final BooleanProperty on = new SimpleBooleanProperty(this, "voiceOn");
    private int volume;

    public VoiceGuide(Messages messages, Speaker speaker, VoiceSettings settings, boolean on) {
        this.messages = messages;
        this.speaker = speaker;
        this.volume = settings.volume();
        this.on.set(on);
        this.on.addListener((obs, was, now) -> {
            if (!now) {
                speaker.silence();
            }
        });
    }

    /** Whether guidance is on (the header toggle). */
    public BooleanProperty onProperty() {
        return on;
    }

    public int volume() {
        return volume;
    }

    /** The technician changed the volume in maintenance mode; the next prompt uses it. */
    public void setVolume(int newVolume) {
        if (newVolume < VoiceSettings.MIN_VOLUME || newVolume > VoiceSettings.MAX_VOLUME) {
            throw new IllegalArgumentException("volume " + newVolume);
        }
        volume = newVolume;
    }

    @Override
    public void say(VoicePrompt prompt) {
        if (on.get()) {
            speak(prompt);
        }
    }

    private void speak(VoicePrompt prompt) {
        Language language = messages.language();
        List<String> sentences = new ArrayList<>();
        for (String key : prompt.keys()) {
            if (messages.keys(language).contains(key)) {
                sentences.add(messages.format(language, key));
            } else {
                LOG.warn("no spoken text {} in the {} bundle", key, language.code());
            }
        }
        if (sentences.isEmpty()) {
            speaker.silence();
            return;
        }
        speaker.say(language == Language.EN ? SpokenLanguage.ENGLISH : SpokenLanguage.MANDARIN, volume,
                String.join(" ", sentences));
    }

    /** Says {@code prompt} even while guidance is off: the technician tries the volume out. */
    public void tryOut(VoicePrompt prompt) {
        speak(prompt);
    }

    @Override
    public void silence() {
        speaker.silence();
    }

    @Override
    public void close() {
        speaker.close();
    }
}
