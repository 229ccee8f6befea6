package org.openkiosk.app.maintenance;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openkiosk.app.logging.LogMasker;

/**
 * The last lines of a log file, read from its end (a 10 MB log is not read whole). The kiosk's logs are masked
 * when written; lines are masked again here so an old or foreign line cannot leak a full ID number.
 */
public final class LogTail {

    /** At most this many bytes are read from the end, whatever the line count. */
    static final int MAX_BYTES = 1 << 20;

    private LogTail() {}

    /** Up to {@code lines} last lines; empty when the file does not exist. */
    public static List<String> read(Path file, int lines) throws IOException {
        if (lines <= 0 || !Files.isRegularFile(file)) {
            return List.of();
        }
        byte[] bytes;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, MAX_BYTES);
            bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(Arrays.asList(text.split("\r?\n")));
        if (bytes.length == MAX_BYTES && !all.isEmpty()) {
            all.remove(0); // probably cut in the middle
        }
        List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
        return last.stream().map(LogMasker::mask).toList();
    }
}
