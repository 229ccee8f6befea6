package org.openkiosk.app.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A killed {@code fleet demo} leaves its directory; the next start removes it, and nothing else (ADR 0195). */
class DemoDirectoryTest {

    @TempDir
    Path root;

    /** A real process that has ended: its pid names no running process of its start time. */
    private static ProcessHandle endedProcess() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.toHandle();
    }

    private Path leftover(String name, String owner) throws Exception {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.createDirectories(dir.resolve("broker"));
        Files.writeString(dir.resolve("broker/passwd"), "K-D1:$7$...\n");
        if (owner != null) {
            Files.writeString(dir.resolve(DemoDirectory.OWNER_FILE), owner);
        }
        return dir;
    }

    @Test
    void theNextStartRemovesTheDirectoryOfAKilledDemoAndLeavesARunningOneAndStrangersAlone() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        Path killed = leftover(DemoDirectory.PREFIX + "killed", DemoDirectory.marker(endedProcess().pid(), Optional.empty()));
        Path reused = leftover(DemoDirectory.PREFIX + "pid-reused",
                DemoDirectory.marker(self.pid(), Optional.of(java.time.Instant.parse("2001-01-01T00:00:00Z"))));
        Path running = leftover(DemoDirectory.PREFIX + "running", DemoDirectory.marker(self.pid(), self.info().startInstant()));
        Path unmarked = leftover(DemoDirectory.PREFIX + "unmarked", null);
        Path stranger = leftover("someone-else", DemoDirectory.marker(endedProcess().pid(), Optional.empty()));

        Path fresh = DemoDirectory.create(root);

        assertThat(killed).doesNotExist();
        assertThat(reused).doesNotExist();
        assertThat(running).isDirectory();
        assertThat(unmarked).isDirectory();
        assertThat(stranger).isDirectory();
        assertThat(fresh.getFileName().toString()).startsWith(DemoDirectory.PREFIX);
        assertThat(Files.readString(fresh.resolve(DemoDirectory.OWNER_FILE)))
                .isEqualTo(DemoDirectory.marker(self.pid(), self.info().startInstant()));
        // this process's own directory is not a leftover while it runs
        assertThat(DemoDirectory.removeLeftovers(root)).isEmpty();
        assertThat(fresh).isDirectory();
    }
}
