package org.openkiosk.app.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioDevicesTest {

    @TempDir
    Path tmp;

    @Test
    void cardsAreTheNumberedLinesOfTheKernelsList() throws Exception {
        Path cards = Files.writeString(tmp.resolve("cards"), """
                 0 [PCH            ]: HDA-Intel - HDA Intel PCH
                                      HDA Intel PCH at 0xf7f10000 irq 32
                 1 [Device         ]: USB-Audio - USB Audio Device
                                      C-Media USB Audio Device at usb-0000:00:14.0-2, full speed
                """);
        assertThat(AudioDevices.cards(cards)).containsExactly("0 [PCH            ]: HDA-Intel - HDA Intel PCH",
                "1 [Device         ]: USB-Audio - USB Audio Device");
    }

    @Test
    void noCardsAndNoFileMeanNoAudioDevice() throws Exception {
        Path none = Files.writeString(tmp.resolve("cards"), "--- no soundcards ---\n");
        assertThat(AudioDevices.cards(none)).isEmpty();
        assertThat(AudioDevices.cards(tmp.resolve("absent"))).isEmpty();
    }
}
