package org.openkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.openkiosk.app.service.catalogue.CatalogueException;
import org.openkiosk.app.service.catalogue.CatalogueLoader;

/**
 * Coverage-guided fuzzing (Jazzer, ADR 0171, 0137) of the one configuration loading path: YAML text → located tree
 * → binder. Whatever a technician (or an editor, or a broken disk) leaves in a file, the loader either binds it or
 * throws the project's located configuration error — {@link ConfigException} / {@link CatalogueException} with at
 * least one problem, each naming the file, a line inside the text (0 = the whole file) and a message. Never another
 * exception, never an {@link Error} (a stack overflow from deep nesting, memory from an alias bomb), never a hang.
 * Seed corpus: {@code src/test/resources/org/openkiosk/app/config/ConfigurationFuzzTestInputs/}.
 */
@Tag("fuzz")
class ConfigurationFuzzTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("KIOSK_SECRET", "s3cret", "FLEET_PASSWORD", "pw");

    @FuzzTest(maxDuration = "60s")
    void kioskYaml(byte[] file) {
        String text = utf8(file);
        if (text == null) {
            return; // the loaders stop at "not UTF-8 text" before YAML
        }
        try {
            assertThat(ConfigLoader.parse(ConfigLoader.KIOSK_FILE, text, ENVIRONMENT::get)).isNotNull();
        } catch (ConfigException expected) {
            assertLocated(expected.problems(), ConfigLoader.KIOSK_FILE, text);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void servicesYaml(byte[] file) {
        String text = utf8(file);
        if (text == null) {
            return;
        }
        try {
            assertThat(new CatalogueLoader().parse(text, CatalogueLoader.FILE_NAME)).isNotNull();
        } catch (CatalogueException expected) {
            assertLocated(expected.located(), CatalogueLoader.FILE_NAME, text);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void signingYaml(byte[] file) {
        String text = utf8(file);
        if (text == null) {
            return;
        }
        try {
            assertThat(SigningFileBinder.parse(text)).isNotNull();
        } catch (ConfigException expected) {
            assertLocated(expected.problems(), SigningFileBinder.FILE_NAME, text);
        }
    }

    /** The file's text as the loaders decode it (strict UTF-8), or null where they report "not UTF-8 text". */
    static String utf8(byte[] file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static void assertLocated(List<ConfigProblem> problems, String file, String text) {
        assertThat(problems).isNotEmpty();
        long lines = text.lines().count() + 1;
        for (ConfigProblem problem : problems) {
            assertThat(problem.file()).isEqualTo(file);
            assertThat(problem.line()).as("line of %s", problem).isBetween(0, (int) Math.max(lines, 1));
            assertThat(problem.message()).as("message of %s", problem).isNotBlank();
        }
    }
}
