package org.openkiosk.app.voice;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Speech through the {@code espeak-ng} program (Debian package {@code espeak-ng}), one process per text. The text
 * goes to the process's standard input as UTF-8 (not on the command line, where {@code ps} would show it); cutting
 * an utterance off destroys the process.
 */
public final class EspeakNg implements SpeechEngine {

    /** Where Debian installs it. */
    public static final Path DEFAULT_EXECUTABLE = Path.of("/usr/bin/espeak-ng");
    private static final long SYNTHESIS_TIMEOUT_SECONDS = 30;

    /** Where the sound goes. */
    public enum Output {
        /** the default audio device */
        SPEAKERS,
        /** synthesised and thrown away (a process that speaks without a sound card, for tests) */
        DISCARD
    }

    private final Path executable;
    private final Output output;

    public EspeakNg(Path executable, Output output) {
        this.executable = executable;
        this.output = output;
    }

    /** The installed espeak-ng playing on the speakers, when it is installed. */
    public static Optional<EspeakNg> installed() {
        return Files.isExecutable(DEFAULT_EXECUTABLE)
                ? Optional.of(new EspeakNg(DEFAULT_EXECUTABLE, Output.SPEAKERS)) : Optional.empty();
    }

    @Override
    public Utterance start(SpokenLanguage language, int volume, String text) throws IOException {
        List<String> command = command(language, volume);
        if (output == Output.DISCARD) {
            command.add("--stdout");
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                // ALSA prints its complaints there when no device answers; the kiosk then is silent, not broken
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = pb.start();
        feed(process, text);
        return new ProcessUtterance(process);
    }

    /**
     * Writes {@code text} as a WAV file (tests and {@code espeak-ng -w}); blocks until espeak-ng has finished.
     *
     * @throws IOException when espeak-ng fails, times out or writes nothing
     */
    public void synthesize(SpokenLanguage language, int volume, String text, Path wav) throws IOException {
        List<String> command = command(language, volume);
        command.add("-w");
        command.add(wav.toString());
        Path errors = Files.createTempFile("espeak-ng-", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile()).start();
            feed(process, text);
            if (!process.waitFor(SYNTHESIS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("espeak-ng did not finish within " + SYNTHESIS_TIMEOUT_SECONDS + "s");
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(wav) || Files.size(wav) == 0) {
                throw new IOException("espeak-ng exited with " + process.exitValue() + ": "
                        + Files.readString(errors, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while espeak-ng synthesised", e);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private List<String> command(SpokenLanguage language, int volume) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.add("-v");
        command.add(language.espeakVoice());
        command.add("-a");
        command.add(Integer.toString(volume));
        command.add("-b");
        command.add("1"); // input is UTF-8
        command.add("--stdin");
        return command;
    }

    private static void feed(Process process, String text) throws IOException {
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
            in.write('\n');
        } catch (IOException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Package-visible so tests can see how the process ended. */
    record ProcessUtterance(Process process) implements Utterance {

        @Override
        public void cutOff() {
            process.destroy();
        }

        @Override
        public boolean speaking() {
            return process.isAlive();
        }
    }
}
