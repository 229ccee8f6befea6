package org.openkiosk.app.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sd_notify datagrams reach a real unix datagram socket, at a path and in the abstract namespace. */
class NotifySocketTest {

    @TempDir
    Path tmp;

    @Test
    void aMessageArrivesAsOneDatagramAtAPathSocket() throws Exception {
        try (FakeSystemdSocket systemd = FakeSystemdSocket.atPath(tmp)) {
            new NotifySocket(systemd.address()).send("READY=1\nSTATUS=serving 办事");
            assertThat(systemd.receive(Duration.ofSeconds(5))).contains("READY=1\nSTATUS=serving 办事");
        }
    }

    @Test
    void anAtNameIsTheAbstractNamespace() throws Exception {
        try (FakeSystemdSocket systemd = FakeSystemdSocket.abstractName()) {
            assertThat(systemd.address()).startsWith("@");
            new NotifySocket(systemd.address()).send("WATCHDOG=1");
            assertThat(systemd.receive(Duration.ofSeconds(5))).contains("WATCHDOG=1");
        }
    }

    @Test
    void nobodyListeningIsAnIoErrorForTheSenderAndSilenceForTheManager() {
        String gone = tmp.resolve("no-such-socket").toString();
        assertThatThrownBy(() -> new NotifySocket(gone).send("READY=1")).isInstanceOf(IOException.class)
                .hasMessageContaining(gone);
        ServiceManager manager = ServiceManager.fromEnvironment(Map.of("NOTIFY_SOCKET", gone), 1);
        manager.ready("serving"); // logged once, never thrown: supervision must not take the kiosk down
        manager.watchdogPing();
    }

    @Test
    void addressesThatAreNotSocketsAreRefused() {
        assertThatThrownBy(() -> new NotifySocket("relative/path")).hasMessageContaining("absolute path or @name");
        assertThatThrownBy(() -> new NotifySocket("/" + "x".repeat(120))).hasMessageContaining("longer");
    }

    @Test
    void theWatchdogAppliesOnlyToTheProcessSystemdNamed() {
        Map<String, String> env = Map.of("NOTIFY_SOCKET", "@x", "WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "42");
        assertThat(ServiceManager.fromEnvironment(env, 42).watchdogTimeout()).contains(Duration.ofSeconds(30));
        assertThat(ServiceManager.fromEnvironment(env, 43).watchdogTimeout()).isEmpty();
        assertThat(ServiceManager.fromEnvironment(Map.of("NOTIFY_SOCKET", "@x", "WATCHDOG_USEC", "5000000"), 7)
                .watchdogTimeout()).contains(Duration.ofSeconds(5));
        assertThat(ServiceManager.fromEnvironment(Map.of("WATCHDOG_USEC", "5000000"), 7).notifying()).isFalse();
    }
}
