package org.openkiosk.app.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.testsupport.RequiredTool;

/**
 * The real espeak-ng through the adapter: every spoken prompt of both bundles is synthesised to a WAV file and
 * measured with sox (long enough to be speech, not silent); a new prompt cuts the process of the last one off.
 */
class EspeakNgTest {

    /** Shorter than any of our sentences said aloud; espeak-ng's output for an empty text is ~0.1 s of nothing. */
    private static final double MIN_SECONDS = 0.3;
    /** sox's RMS amplitude of silence is 0; espeak-ng speech at amplitude 100 measures around 0.05–0.1. */
    private static final double MIN_RMS = 0.01;

    @TempDir
    Path tmp;

    private static Path espeak;

    @BeforeAll
    static void tools() {
        espeak = RequiredTool.command("espeak-ng", "espeak-ng");
        RequiredTool.command("sox", "sox");
    }

    @Test
    void everyPromptOfBothLanguagesIsSpeechOfAtLeastAThirdOfASecondAndNotSilent() throws Exception {
        EspeakNg engine = new EspeakNg(espeak, EspeakNg.Output.DISCARD);
        List<String> measured = new ArrayList<>();
        for (String language : List.of("zh", "en")) {
            ResourceBundle bundle = ResourceBundle.getBundle("org.openkiosk.app.ui.i18n.messages",
                    Locale.forLanguageTag(language), ResourceBundle.Control.getNoFallbackControl(
                            ResourceBundle.Control.FORMAT_PROPERTIES));
            SpokenLanguage spoken = language.equals("en") ? SpokenLanguage.ENGLISH : SpokenLanguage.MANDARIN;
            TreeSet<String> keys = new TreeSet<>(bundle.keySet());
            keys.removeIf(k -> !k.startsWith("voice."));
            assertThat(keys).as("voice prompts in " + language).hasSizeGreaterThan(25);
            for (String key : keys) {
                Path wav = tmp.resolve(language + "-" + key + ".wav");
                engine.synthesize(spoken, 100, bundle.getString(key), wav);
                double seconds = Double.parseDouble(sox("--i", "-D", wav.toString()).strip());
                double rms = rmsAmplitude(sox(wav.toString(), "-n", "stat"));
                assertThat(seconds).as(language + " " + key + " duration").isGreaterThan(MIN_SECONDS);
                assertThat(rms).as(language + " " + key + " RMS amplitude").isGreaterThan(MIN_RMS);
                measured.add(language + " " + key + " " + seconds + "s rms " + rms);
            }
        }
        System.out.println(String.join("\n", measured));
    }

    @Test
    void theVolumeSettingReachesEspeakNg() throws Exception {
        EspeakNg engine = new EspeakNg(espeak, EspeakNg.Output.DISCARD);
        Path quiet = tmp.resolve("quiet.wav");
        Path loud = tmp.resolve("loud.wav");
        engine.synthesize(SpokenLanguage.MANDARIN, 20, "打印完成，请取走证明。", quiet);
        engine.synthesize(SpokenLanguage.MANDARIN, 150, "打印完成，请取走证明。", loud);
        assertThat(rmsAmplitude(sox(quiet.toString(), "-n", "stat")))
                .isLessThan(rmsAmplitude(sox(loud.toString(), "-n", "stat")) / 3);
    }

    @Test
    void aNewPromptCutsTheProcessOfTheLastOneOff() throws Exception {
        List<EspeakNg.ProcessUtterance> started = new ArrayList<>();
        EspeakNg real = new EspeakNg(espeak, EspeakNg.Output.DISCARD);
        SpeechEngine keeping = (language, volume, text) -> {
            SpeechEngine.Utterance u = real.start(language, volume, text);
            synchronized (started) {
                started.add((EspeakNg.ProcessUtterance) u);
            }
            return u;
        };
        // long enough that espeak-ng is still synthesising when the next prompt comes
        String longText = "请将身份证放在读卡区。".repeat(400);
        try (Speaker speaker = new Speaker(keeping)) {
            speaker.say(SpokenLanguage.MANDARIN, 100, longText);
            awaitStarted(started, 1);
            Process first = started.get(0).process();
            assertThat(first.isAlive()).as("still synthesising the long text").isTrue();

            speaker.say(SpokenLanguage.MANDARIN, 100, "请选择要打印的证明。");
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).as("ended by SIGTERM, not by finishing").isEqualTo(128 + 15);
            awaitStarted(started, 2);
            Process second = started.get(1).process();
            assertThat(second.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).as("the short prompt is said to the end").isZero();
        }
    }

    @Test
    void aMissingProgramLeavesTheKioskSilentInsteadOfFailing() throws Exception {
        EspeakNg missing = new EspeakNg(tmp.resolve("no-espeak-ng"), EspeakNg.Output.SPEAKERS);
        try (Speaker speaker = new Speaker(missing)) {
            speaker.say(SpokenLanguage.ENGLISH, 100, "Please choose a day.");
            speaker.say(SpokenLanguage.ENGLISH, 100, "Please choose a time.");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> missing.start(SpokenLanguage.ENGLISH, 100, "x")).isInstanceOf(IOException.class);
    }

    private static void awaitStarted(List<EspeakNg.ProcessUtterance> started, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            synchronized (started) {
                if (started.size() >= count) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("espeak-ng process " + count + " never started");
            }
            Thread.sleep(20);
        }
    }

    private static final Pattern RMS = Pattern.compile("RMS\\s+amplitude:\\s+([0-9.]+)");

    static double rmsAmplitude(String soxStat) {
        Matcher m = RMS.matcher(soxStat);
        assertThat(m.find()).as("sox stat output: " + soxStat).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** Runs sox; its stat effect reports on stderr, so both streams are read together. */
    static String sox(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("sox");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("sox " + String.join(" ", args) + ": " + out).isZero();
        return out;
    }

}
