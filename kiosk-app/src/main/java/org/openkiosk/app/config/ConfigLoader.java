package org.openkiosk.app.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Loads and validates the configuration directory ({@code kiosk.yaml}). Either the whole configuration is valid
 * and a {@link KioskConfig} comes back, or a {@link ConfigException} lists every problem with file, line, field
 * path and hint.
 */
public final class ConfigLoader {

    /** The main file of a configuration directory. */
    public static final String KIOSK_FILE = "kiosk.yaml";

    private ConfigLoader() {}

    public static KioskConfig load(Path configDir) throws ConfigException {
        Path file = configDir.resolve(KIOSK_FILE);
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw single(0, "file not found: " + file.toAbsolutePath(), missingFileHint(configDir));
        } catch (CharacterCodingException e) {
            throw single(0, "not UTF-8 text", "save the file as UTF-8 (Chinese names need it)");
        } catch (IOException e) {
            throw single(0, "cannot read " + file.toAbsolutePath() + ": " + e, "check its permissions");
        }
        return parse(KIOSK_FILE, text, System::getenv, configDir);
    }

    /**
     * Validates {@code kiosk.yaml} text, e.g. before {@link ConfigWriter} writes it.
     *
     * @param fileName    the name used in problems
     * @param environment looks up environment variables for {@code ${NAME}} references
     */
    public static KioskConfig parse(String fileName, String text, UnaryOperator<String> environment)
            throws ConfigException {
        return parse(fileName, text, environment, null);
    }

    /**
     * Validates {@code kiosk.yaml} text whose files (fleet CA, keys) are named relative to {@code configDir}; those
     * files must exist. A {@code null} directory skips the file checks.
     */
    public static KioskConfig parse(String fileName, String text, UnaryOperator<String> environment, Path configDir)
            throws ConfigException {
        Problems problems = new Problems(fileName);
        YamlTree.Node root;
        try {
            root = YamlTree.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, problems);
        } catch (YamlTree.SyntaxException e) {
            problems.add(e.line(), "", "YAML syntax error: " + e.getMessage(), ConfigFile.syntaxHint(e.getMessage()));
            throw new ConfigException(problems.sorted());
        }
        KioskConfig config = new ConfigBinder(problems, environment, java.util.Optional.ofNullable(configDir)).bind(root);
        if (config == null) {
            throw new ConfigException(problems.sorted());
        }
        return config;
    }

    private static String missingFileHint(Path configDir) {
        if (!Files.isDirectory(configDir)) {
            return "configuration directory " + configDir.toAbsolutePath() + " does not exist; "
                    + "use --config DIR or KIOSK_CONFIG";
        }
        try (var files = Files.list(configDir)) {
            List<String> lookalikes = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.toLowerCase(java.util.Locale.ROOT).matches("kiosk\\.(yml|yaml|yaml\\.txt)"))
                    .toList();
            if (!lookalikes.isEmpty()) {
                return "found " + String.join(", ", lookalikes) + "; rename it to " + KIOSK_FILE;
            }
        } catch (IOException e) {
            // fall through to the general hint
        }
        return "create it (see docs/configuration.md)";
    }

    private static ConfigException single(int line, String message, String hint) {
        return new ConfigException(List.of(new ConfigProblem(KIOSK_FILE, line, "", message, hint)));
    }
}
