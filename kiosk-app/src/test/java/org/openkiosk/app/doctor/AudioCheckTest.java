package org.openkiosk.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioCheckTest {

    @TempDir
    Path tmp;

    @Test
    void noSoundCardIsAWarningThatSaysTheKioskIsSilent() throws Exception {
        Path cards = Files.writeString(tmp.resolve("cards"), "--- no soundcards ---\n");
        for (Path list : new Path[] {cards, tmp.resolve("no-asound")}) {
            CheckResult audio = SystemChecks.audio(list);
            assertThat(audio.passed()).isFalse();
            assertThat(audio.blocking()).as("a kiosk without sound still serves").isFalse();
            assertThat(audio.detail()).startsWith("no sound card").contains("spoken guidance is silent");
        }
    }

    @Test
    void aSoundCardIsNamed() throws Exception {
        Path cards = Files.writeString(tmp.resolve("cards"),
                " 0 [PCH            ]: HDA-Intel - HDA Intel PCH\n                      HDA Intel PCH at 0xf7f10000\n");
        CheckResult audio = SystemChecks.audio(cards);
        assertThat(audio.passed()).isTrue();
        assertThat(audio.detail()).isEqualTo("1 sound card(s): 0 [PCH            ]: HDA-Intel - HDA Intel PCH");
    }

    @Test
    void theDoctorRunsTheAudioCheckAndEspeakNg() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(dir.resolve("kiosk.yaml"), "kiosk:\n  id: K-9\n  hallId: H-9\n  hallName: {zh: 测试大厅, en: Test}\n");
        var results = new Doctor(System::getenv).run(dir, tmp.resolve("data"));
        assertThat(results).extracting(CheckResult::label).contains("audio", "espeak-ng");
        assertThat(results).filteredOn(r -> r.label().equals("audio")).singleElement()
                .satisfies(r -> assertThat(r.blocking()).isFalse());
    }
}
