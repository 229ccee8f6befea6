package org.openkiosk.app.voice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Whether the machine has a sound card, from the kernel's ALSA list (no audio library needed). */
public final class AudioDevices {

    public static final Path PROC_CARDS = Path.of("/proc/asound/cards");
    /** A card line: {@code " 0 [PCH            ]: HDA-Intel - HDA Intel PCH"}. */
    private static final Pattern CARD_LINE = Pattern.compile("^\\s*\\d+\\s+\\[.*");

    private AudioDevices() {}

    /** The card lines of {@code cards} (the format of /proc/asound/cards); empty when none or unreadable. */
    public static List<String> cards(Path cards) {
        try {
            return Files.readAllLines(cards, StandardCharsets.UTF_8).stream()
                    .filter(l -> CARD_LINE.matcher(l).matches()).map(String::strip).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public static boolean present() {
        return !cards(PROC_CARDS).isEmpty();
    }
}
