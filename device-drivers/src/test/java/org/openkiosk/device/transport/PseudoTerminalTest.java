package org.openkiosk.device.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudoTerminalTest {

    @TempDir
    Path dir;

    @Test
    void masterReadTimesOutThenFailsAfterUnplug() throws Exception {
        PseudoTerminal pty = PseudoTerminal.open();
        assertThat(Path.of(pty.slavePath())).exists();
        long start = System.nanoTime();
        assertThat(pty.master().read(new byte[4], 0, 4, Duration.ofMillis(150))).isZero();
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(100L, 1500L);
        pty.close();
        assertThat(pty.master().isOpen()).isFalse();
        assertThatThrownBy(() -> pty.master().read(new byte[4], 0, 4, Duration.ofMillis(100)))
                .isInstanceOf(DisconnectedException.class);
        assertThatThrownBy(() -> pty.master().write(new byte[] {1})).isInstanceOf(DisconnectedException.class);
        pty.close(); // idempotent
    }

    @Test
    void linkPointsAtTheSlaveAndDisappearsOnClose() throws Exception {
        Path link = dir.resolve("ttySim");
        try (PseudoTerminal pty = PseudoTerminal.open(link)) {
            assertThat(pty.slavePath()).isEqualTo(link.toString());
            assertThat(Files.readSymbolicLink(link).toString()).isEqualTo(pty.kernelSlavePath());
        }
        assertThat(link).doesNotExist();
    }

    @Test
    void refusesToReplaceARealFileWithItsLink() throws Exception {
        Path file = Files.writeString(dir.resolve("precious.txt"), "keep me");
        assertThatThrownBy(() -> PseudoTerminal.open(file)).hasMessageContaining("is not a symbolic link");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void discardInputDropsPendingBytes() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open();
                SerialTransport serial = SerialTransport.of(pty.slavePath(), 115200)) {
            serial.open();
            // the kernel hands a pty's bytes over asynchronously: reading the first proves the rest have arrived
            // (one write, one hand-over), where a fixed sleep could discard before they were there
            serial.write(new byte[] {1, 2, 3});
            assertThat(pty.master().read(new byte[1], 0, 1, Duration.ofSeconds(5))).isOne();
            pty.master().discardInput();
            assertThat(pty.master().read(new byte[4], 0, 4, Duration.ofMillis(50))).isZero();
            pty.master().write(new byte[] {9, 9, 9});
            assertThat(serial.read(new byte[1], 0, 1, Duration.ofSeconds(5))).isOne();
            serial.discardInput();
            assertThat(serial.read(new byte[4], 0, 4, Duration.ofMillis(50))).isZero();
        }
    }
}
