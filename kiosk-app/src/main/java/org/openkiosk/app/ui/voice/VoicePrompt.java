package org.openkiosk.app.ui.voice;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the kiosk may say: one or more {@code voice.*} bundle keys, said one after the other. There is no way to
 * give spoken guidance free text or message arguments, so a name, an ID number or a booking code cannot reach the
 * speech engine: everything it can say is in the bundles.
 */
public record VoicePrompt(List<String> keys) {

    private static final Pattern KEY = Pattern.compile("voice\\.[a-z0-9._-]+");

    public VoicePrompt {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a prompt needs at least one key");
        }
        for (String key : keys) {
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("not a voice.* bundle key: " + key);
            }
        }
    }

    public static VoicePrompt of(String... keys) {
        return new VoicePrompt(List.of(keys));
    }

    /** The prompt of a screen: {@code voice.screen.<id>} (its title and what to do). */
    public static VoicePrompt ofScreen(String screenId) {
        return of("voice.screen." + screenId);
    }
}
