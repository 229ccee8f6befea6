package org.openkiosk.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Changes {@code ui.voice.volume} in {@code kiosk.yaml} from maintenance mode, editing only that value so the
 * file's comments and layout stay as the technician wrote them. The result is validated and written atomically
 * by {@link ConfigWriter}.
 */
public final class VoiceVolumeEdit {

    private static final Pattern KEY_LINE = Pattern.compile("^( *)([A-Za-z_][A-Za-z0-9_-]*):(\\s*)([^#\\s]*)(.*)$");

    private VoiceVolumeEdit() {}

    /**
     * The text with the value of the block-style {@code ui: voice: volume:} line replaced, or empty when the file
     * has no such line (then the technician adds it by hand; nothing is guessed).
     */
    public static Optional<String> withVolume(String yaml, int volume) {
        if (volume < VoiceSettings.MIN_VOLUME || volume > VoiceSettings.MAX_VOLUME) {
            throw new IllegalArgumentException("volume " + volume);
        }
        String[] lines = yaml.split("\n", -1);
        Deque<int[]> indents = new ArrayDeque<>(); // indentation of each open key
        Deque<String> path = new ArrayDeque<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = KEY_LINE.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            int indent = m.group(1).length();
            while (!indents.isEmpty() && indents.peek()[0] >= indent) {
                indents.pop();
                path.removeLast();
            }
            indents.push(new int[] {indent});
            path.addLast(m.group(2));
            if (String.join(".", path).equals("ui.voice.volume") && !m.group(4).isEmpty()) {
                String rest = m.group(5);
                // keep the comment's column when the new number is shorter or longer
                String padding = rest.isEmpty() ? "" : " ".repeat(Math.max(1,
                        m.group(4).length() + leadingSpaces(rest) - Integer.toString(volume).length()));
                lines[i] = m.group(1) + m.group(2) + ":" + m.group(3) + volume + padding + rest.stripLeading();
                return Optional.of(String.join("\n", lines));
            }
        }
        return Optional.empty();
    }

    /**
     * Writes the new volume into {@code configDir/kiosk.yaml}.
     *
     * @return the configuration now on disk, or empty when the file has no {@code ui.voice.volume} line
     * @throws ConfigException when the file is invalid (nothing is written)
     */
    public static Optional<KioskConfig> write(Path configDir, int volume) throws IOException, ConfigException {
        String text = Files.readString(configDir.resolve(ConfigLoader.KIOSK_FILE), StandardCharsets.UTF_8);
        Optional<String> edited = withVolume(text, volume);
        if (edited.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ConfigWriter.write(configDir, edited.get()));
    }

    private static int leadingSpaces(String s) {
        int n = 0;
        while (n < s.length() && s.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
