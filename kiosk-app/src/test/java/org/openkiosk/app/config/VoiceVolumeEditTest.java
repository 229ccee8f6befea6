package org.openkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceVolumeEditTest {

    @Test
    void onlyTheVolumeValueChangesAndCommentsStay() {
        String yaml = """
                kiosk:
                  id: K-1   # the kiosk
                  volume: 5
                ui:
                  language: zh
                  voice:                 # spoken guidance
                    startsOn: elder
                    volume: 100          # espeak-ng amplitude
                devices: {}
                """;
        String edited = VoiceVolumeEdit.withVolume(yaml, 60).orElseThrow();
        assertThat(edited).isEqualTo(yaml.replace("    volume: 100          # espeak-ng amplitude",
                "    volume: 60           # espeak-ng amplitude"));
    }

    @Test
    void aFileWithoutTheLineIsLeftToTheTechnician() {
        assertThat(VoiceVolumeEdit.withVolume("ui:\n  language: zh\n", 60)).isEmpty();
        assertThat(VoiceVolumeEdit.withVolume("ui:\n  voice: {volume: 100}\n", 60)).isEmpty();
    }

    @Test
    void theRepositoryConfigurationTakesANewVolumeAndStaysValid(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("config"));
        Files.copy(Path.of("..", "config", "kiosk.yaml"), dir.resolve("kiosk.yaml"));
        KioskConfig written = VoiceVolumeEdit.write(dir, 160).orElseThrow();
        assertThat(written.ui().voice().volume()).isEqualTo(160);
        assertThat(ConfigLoader.load(dir).ui().voice().volume()).isEqualTo(160);
        assertThat(Files.readString(dir.resolve("kiosk.yaml"))).contains("# spoken guidance (语音引导)");
        assertThat(dir.resolve(ConfigWriter.PREVIOUS_FILE)).exists();
    }
}
