package org.openkiosk.mosquitto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto password file, written by the installation's {@code mosquitto_passwd} (its own salted hashes; none of
 * ours). The one way the console's demo hall broker and kiosk-test-support's {@code MosquittoBroker} write it
 * (ADR 0194).
 */
public final class MosquittoPasswords {

    /** The tool, from Debian's {@code mosquitto} package. */
    public static final String TOOL = "mosquitto_passwd";

    private static final long TIMEOUT_SECONDS = 30;

    private MosquittoPasswords() {}

    /**
     * Writes {@code file} anew with one line per user.
     *
     * @param mosquittoPasswd the tool: a path, or its name to find it on the PATH
     * @param users           user name → password
     * @throws IOException when the tool is missing or refuses (the message has its output)
     */
    public static Path write(String mosquittoPasswd, Path file, Map<String, String> users) throws IOException {
        Files.writeString(file, "");
        for (Map.Entry<String, String> u : users.entrySet()) {
            run(List.of(mosquittoPasswd, "-b", file.toString(), u.getKey(), u.getValue()));
        }
        return file;
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                // the command line holds a password: name the tool and the user, not the rest
                throw new IOException(command.get(0) + " failed for user " + command.get(3) + ": " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + command.get(0) + " ran", e);
        }
    }
}
