package org.openkiosk.mosquitto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.testsupport.RequiredTool;

/**
 * kiosk-mosquitto's own tests live here, in kiosk-app, because they need kiosk-test-support's {@link RequiredTool}
 * (CI=true fails when the tool is missing) and kiosk-test-support depends on kiosk-mosquitto (ADR 0194).
 */
class MosquittoPasswordsTest {

    @TempDir
    Path dir;

    @Test
    void everyUserGetsOneHashedLineAndNoPasswordIsWrittenInClear() throws IOException {
        String tool = RequiredTool.command(MosquittoPasswords.TOOL, "mosquitto").toString();
        Map<String, String> users = new LinkedHashMap<>();
        users.put("K-0101", "kiosk-secret-1");
        users.put("operator", "operator-secret-2");
        Path file = dir.resolve("passwd");
        Files.writeString(file, "stale:line\n");

        MosquittoPasswords.write(tool, file, users);

        String text = Files.readString(file);
        assertThat(text.lines().toList()).hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("K-0101:$"))
                .anySatisfy(l -> assertThat(l).startsWith("operator:$"));
        assertThat(text).doesNotContain("kiosk-secret-1").doesNotContain("operator-secret-2").doesNotContain("stale");
    }

    @Test
    void aToolThatIsNotThereIsNamed() {
        assertThatThrownBy(() -> MosquittoPasswords.write(dir.resolve("no-such-passwd").toString(), dir.resolve("passwd"),
                Map.of("u", "p"))).isInstanceOf(IOException.class).hasMessageContaining("no-such-passwd");
    }

    @Test
    void aRefusalNamesTheUserButNotThePassword() throws IOException {
        Path failing = dir.resolve("refusing-passwd");
        Files.writeString(failing, "#!/bin/sh\necho 'Error: bad user' >&2\nexit 1\n");
        assertThat(failing.toFile().setExecutable(true)).as("the stand-in tool is executable").isTrue();

        assertThatThrownBy(() -> MosquittoPasswords.write(failing.toString(), dir.resolve("passwd"),
                Map.of("K-0101", "very-secret")))
                .isInstanceOf(IOException.class).hasMessageContaining("K-0101").hasMessageContaining("bad user")
                .hasMessageNotContaining("very-secret");
    }
}
