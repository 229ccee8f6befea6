package org.openkiosk.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML document into a small tree whose every node remembers its line, so that validation can name the
 * line of each problem. Uses Jackson's streaming YAML parser and its token locations; binding to records
 * directly would stop at the first problem and lose positions.
 */
public final class YamlTree {

    public sealed interface Node permits MapNode, ListNode, ScalarNode {
        int line();
    }

    /** One {@code key: value} pair; {@code keyLine} is where the key is written. */
    public record Entry(String key, int keyLine, Node value) {}

    public record MapNode(int line, Map<String, Entry> entries) implements Node {}

    public record ListNode(int line, List<Node> items) implements Node {}

    /** A scalar with its original text (so {@code id: 0102} stays "0102") and the type YAML gave it. */
    public record ScalarNode(int line, String text, JsonToken token) implements Node {
        public boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        public boolean isBoolean() {
            return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
        }
    }

    /** YAML that cannot be parsed at all. */
    public static final class SyntaxException extends Exception {
        private final int line;

        SyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * How deep a configuration file may nest mappings and lists (the root mapping is level 1). The shipped files and
     * the documented examples need at most 6 ({@code services.yaml}: services → a service → its form → fields → a
     * field → its labels); Jackson's default, 1,000, let a file of 5,000 {@code [} cost ~0.2 s per read, almost all of
     * it SnakeYAML's scanner (ADR 0204).
     */
    public static final int MAX_NESTING_DEPTH = 32;

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();

    private YamlTree() {}

    /**
     * Parses one document. Duplicate keys are reported to {@code problems} (the later value wins), since YAML
     * parsers silently keep one of them and the technician would edit the wrong one.
     *
     * @return the root node, or {@code null} for an empty document
     */
    public static Node parse(String text, Problems problems) throws SyntaxException {
        refuseUnicodeLineBreaks(text);
        try (JsonParser parser = FACTORY.createParser(new StringReader(text))) {
            try {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    return null;
                }
                Node root = readValue(parser, "", problems);
                if (parser.nextToken() != null) {
                    problems.add(lineOf(parser.currentTokenLocation()), "", "a second YAML document (after ---)",
                            "keep the whole configuration in one document");
                }
                return root;
            } catch (StreamConstraintsException e) {
                throw constraintExceeded(e, parser);
            }
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    /**
     * YAML reads NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029) as line breaks; editors
     * show them inside a line. Every line number after one would point the technician one line too far (found by
     * fuzzing {@code services.yaml}: a problem on line 26 of a 25-line file), so the file is refused at that line.
     */
    private static void refuseUnicodeLineBreaks(String text) throws SyntaxException {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            } else if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
                throw new SyntaxException(line, String.format("the invisible character U+%04X on this line: YAML reads "
                        + "it as a line break, editors do not", (int) c));
            }
        }
    }

    private static Node readValue(JsonParser parser, String path, Problems problems) throws IOException {
        JsonToken token = parser.currentToken();
        int line = lineOf(parser.currentTokenLocation());
        switch (token) {
            case START_OBJECT: {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = lineOf(parser.currentTokenLocation());
                    reportAlias(parser, keyLine, path.isEmpty() ? key : path + "." + key, problems);
                    parser.nextToken();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    Node value = readValue(parser, childPath, problems);
                    Entry previous = entries.put(key, new Entry(key, keyLine, value));
                    if (previous != null) {
                        problems.add(keyLine, childPath, "duplicate key (also on line " + previous.keyLine() + ")",
                                "keep only one; this later one would win");
                    }
                }
                return new MapNode(line, entries);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, path + "[" + index++ + "]", problems));
                }
                return new ListNode(line, items);
            }
            default:
                reportAlias(parser, line, path, problems);
                return new ScalarNode(line, token == JsonToken.VALUE_NULL ? null : parser.getText(), token);
        }
    }

    /**
     * The streaming parser does not expand aliases: {@code name: *x} would read as the text "x", silently, instead
     * of the anchored value (found while writing the fuzz corpus, ADR 0137). Not expanding them keeps an alias
     * bomb harmless, so an alias is reported as a problem, never bound as its own name.
     */
    private static void reportAlias(JsonParser parser, int line, String path, Problems problems) throws IOException {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            problems.add(line, path, "a YAML alias (*" + parser.getText() + ") is not supported in the configuration",
                    "write the value out in full instead of *" + parser.getText() + " (anchors and aliases are not expanded)");
        }
    }

    private static int lineOf(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    /**
     * Jackson's own limits (nesting depth, string and number length) carry no location: the line is where the parser
     * stood. The nesting limit is ours (ADR 0204), so it is said in a technician's words; the others keep Jackson's
     * text. Both say "exceeds the limit", which gives them the "pasted in by mistake" hint.
     */
    private static SyntaxException constraintExceeded(StreamConstraintsException e, JsonParser parser) {
        JsonLocation location = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        String message = e.getOriginalMessage();
        if (message != null && message.contains("nesting depth")) {
            message = "nesting exceeds the limit of " + MAX_NESTING_DEPTH + " levels of mappings and lists "
                    + "(the configuration files need at most 6)";
        }
        return new SyntaxException(Math.max(1, lineOf(location)), message);
    }

    private static SyntaxException syntaxError(JsonProcessingException e) {
        // SnakeYAML's marked exception carries the exact position and a readable problem text.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblemMark() != null) {
                String problem = marked.getProblem() == null ? e.getOriginalMessage() : marked.getProblem();
                return new SyntaxException(marked.getProblemMark().getLine() + 1, problem);
            }
        }
        return new SyntaxException(lineOf(e.getLocation()), e.getOriginalMessage());
    }
}
