package org.openkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ui.voice} in kiosk.yaml: defaults, values, and located problems. */
class VoiceConfigTest {

    private static final String KIOSK = "kiosk:\n  id: K-1\n  hallId: H-1\n  hallName: {zh: 测试大厅, en: Test hall}\n";

    private static KioskConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(ConfigLoader.KIOSK_FILE, yaml, k -> null);
    }

    private static List<ConfigProblem> problems(String yaml) {
        ConfigException e = catchThrowableOfType(() -> parse(yaml), ConfigException.class);
        assertThat(e).as("must be rejected:\n" + yaml).isNotNull();
        return e.problems();
    }

    @Test
    void withoutAVoiceSectionGuidanceStartsOnInElderModeAtNormalVolume() throws Exception {
        VoiceSettings voice = parse(KIOSK).ui().voice();
        assertThat(voice).isEqualTo(new VoiceSettings(VoiceSettings.StartsOn.ELDER, 100));
        assertThat(voice.onFor(true)).isTrue();
        assertThat(voice.onFor(false)).isFalse();
    }

    @Test
    void startsOnAndVolumeAreRead() throws Exception {
        VoiceSettings voice = parse(KIOSK + "ui:\n  voice:\n    startsOn: always\n    volume: 140\n").ui().voice();
        assertThat(voice).isEqualTo(new VoiceSettings(VoiceSettings.StartsOn.ALWAYS, 140));
        assertThat(voice.onFor(false)).isTrue();
        assertThat(parse(KIOSK + "ui:\n  voice: {startsOn: off}\n").ui().voice().onFor(true)).isFalse();
    }

    @Test
    void aVolumeOutOfRangeOrNotANumberIsALocatedProblemWithAHint() {
        assertThat(problems(KIOSK + "ui:\n  voice:\n    volume: 300\n")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.fieldPath()).isEqualTo("ui.voice.volume");
            assertThat(p.message()).isEqualTo("must be 0–200, got 300");
            assertThat(p.hint()).contains("100 is normal");
        });
        assertThat(problems(KIOSK + "ui:\n  voice:\n    volume: loud\n")).singleElement().satisfies(p -> {
            assertThat(p.fieldPath()).isEqualTo("ui.voice.volume");
            assertThat(p.message()).isEqualTo("\"loud\" is not a whole number");
        });
    }

    @Test
    void anUnknownStartsOnOrKeyIsNamedWithTheKnownOnes() {
        assertThat(problems(KIOSK + "ui:\n  voice:\n    startsOn: elderly\n")).singleElement().satisfies(p -> {
            assertThat(p.fieldPath()).isEqualTo("ui.voice.startsOn");
            assertThat(p.hint()).contains("elder");
        });
        assertThat(problems(KIOSK + "ui:\n  voice:\n    volumn: 100\n")).singleElement()
                .satisfies(p -> assertThat(p.hint()).contains("volume"));
    }

    @Test
    void theVoiceSettingsSurviveAWriteAndReadBack(@TempDir Path dir) throws Exception {
        KioskConfig config = parse(KIOSK + "ui:\n  voice:\n    startsOn: always\n    volume: 60\n");
        KioskConfig back = ConfigWriter.write(dir, config);
        assertThat(back.ui().voice()).isEqualTo(new VoiceSettings(VoiceSettings.StartsOn.ALWAYS, 60));
        assertThat(ConfigLoader.load(dir).ui()).isEqualTo(config.ui());
    }
}
