package org.openkiosk.app.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one YAML file of the configuration directory into a located {@link Section}, reporting unreadable files,
 * bad encodings and syntax errors to {@link Problems} the way {@link ConfigLoader} does for {@code kiosk.yaml}.
 * Every configuration file goes through here, so every file gets file:line problems (ADR 0020, ADR 0130).
 */
public final class ConfigFile {

    private ConfigFile() {}

    /**
     * @param file        the file to read
     * @param problems    where problems go (its file name is the one shown)
     * @param notAMapping the problem when the document is not a mapping, e.g. "a template is a mapping of …"
     * @return the document root; empty when the file could not be read or parsed (already reported)
     */
    public static Optional<Section> read(Path file, Problems problems, String notAMapping) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            problems.add(0, "", "file not found: " + file.toAbsolutePath(), "create it (see docs/configuration.md)");
            return Optional.empty();
        } catch (CharacterCodingException e) {
            problems.add(0, "", "not UTF-8 text", "save the file as UTF-8 (Chinese names need it)");
            return Optional.empty();
        } catch (IOException e) {
            problems.add(0, "", "cannot read " + file.toAbsolutePath() + ": " + e, "check its permissions");
            return Optional.empty();
        }
        return parse(text, problems, notAMapping);
    }

    /** Parses YAML text (a leading BOM is tolerated); empty after a syntax error (already reported). */
    public static Optional<Section> parse(String text, Problems problems, String notAMapping) {
        try {
            YamlTree.Node root = YamlTree.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, problems);
            return Optional.of(Section.root(root, problems, notAMapping));
        } catch (YamlTree.SyntaxException e) {
            problems.add(e.line(), "", "YAML syntax error: " + e.getMessage(), syntaxHint(e.getMessage()));
            return Optional.empty();
        }
    }

    static String syntaxHint(String problem) {
        if (problem != null && (problem.contains("exceeds the limit") || problem.contains("exceeds the maximum"))) {
            // the parsers' own limits (SnakeYAML's 3 M code points, Jackson's string length) and our nesting depth (ADR 0204)
            return "a configuration file is a few kilobytes and a few levels deep: look for text pasted in by mistake";
        }
        if (problem != null && problem.contains("YAML reads it as a line break")) {
            return "delete it (it comes with text pasted from a web page or a word processor)";
        }
        if (problem != null && problem.contains("mapping values are not allowed")) {
            return "quote values that contain \": \" or end with \":\", e.g. uri: \"sim:\"";
        }
        if (problem != null && problem.toLowerCase(Locale.ROOT).contains("tab")) {
            return "indent with spaces, not tabs";
        }
        return "check indentation (spaces only) and quoting on this line and the one before";
    }
}
