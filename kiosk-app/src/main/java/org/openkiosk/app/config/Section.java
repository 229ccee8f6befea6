package org.openkiosk.app.config;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.openkiosk.app.config.YamlTree.Entry;
import org.openkiosk.app.config.YamlTree.MapNode;
import org.openkiosk.app.config.YamlTree.Node;
import org.openkiosk.app.config.YamlTree.ScalarNode;

/**
 * Reads the fields of one YAML mapping, reporting missing fields, wrong types and bad values to {@link Problems}
 * and remembering which keys were asked for, so that {@link #rejectUnknownKeys()} can call every other key an
 * error and suggest the closest known one.
 *
 * <p>A section that is not a mapping at all is reported once and then reads as empty without further complaints.
 */
final class Section {

    private final MapNode node;
    private final String path;
    private final int line;
    private final Problems problems;
    private final boolean broken;
    private final Set<String> known = new LinkedHashSet<>();

    private Section(MapNode node, String path, int line, Problems problems, boolean broken) {
        this.node = node;
        this.path = path;
        this.line = line;
        this.problems = problems;
        this.broken = broken;
    }

    /** The document root; an empty document reads as an empty mapping. */
    static Section root(Node root, Problems problems) {
        if (root == null) {
            return new Section(new MapNode(1, Map.of()), "", 1, problems, false);
        }
        if (root instanceof MapNode map) {
            return new Section(map, "", root.line(), problems, false);
        }
        problems.add(root.line(), "", "the file must be a mapping of sections (kiosk:, ui:, devices:, store:)", "");
        return new Section(new MapNode(1, Map.of()), "", 1, problems, true);
    }

    String path() {
        return path;
    }

    int line() {
        return line;
    }

    Problems problems() {
        return problems;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Optional<Entry> entry(String key) {
        known.add(key);
        return Optional.ofNullable(node.entries().get(key));
    }

    /** The keys written in this mapping, in file order. */
    Collection<Entry> entries() {
        return node.entries().values();
    }

    /** A nested mapping; an absent one reads as empty (and is reported when required). */
    Section section(String key, boolean required) {
        Optional<Entry> e = entry(key);
        if (e.isEmpty() || isNull(e.get().value())) {
            if (required) {
                missing(key, "add a \"" + key + ":\" section");
            }
            return new Section(new MapNode(line, Map.of()), pathOf(key), e.map(Entry::keyLine).orElse(line), problems,
                    true);
        }
        return nested(e.get());
    }

    /** A nested mapping held by an entry of this section. */
    Section nested(Entry e) {
        String childPath = pathOf(e.key());
        if (e.value() instanceof MapNode map) {
            return new Section(map, childPath, e.keyLine(), problems, false);
        }
        problems.add(e.value().line(), childPath, "expected a mapping of keys, got " + describe(e.value()),
                "indent the keys below \"" + e.key() + ":\"");
        return new Section(new MapNode(e.keyLine(), Map.of()), childPath, e.keyLine(), problems, true);
    }

    /** A text field that must be present; {@code null} when missing or wrong (already reported). */
    String requiredText(String key, String example) {
        Optional<Entry> e = entry(key);
        if (e.isEmpty() || isNull(e.get().value())) {
            missing(key, "e.g. " + key + ": " + example);
            return null;
        }
        return text(e.get());
    }

    String optionalText(String key, String fallback) {
        Optional<Entry> e = entry(key);
        if (e.isEmpty() || isNull(e.get().value())) {
            return fallback;
        }
        String text = text(e.get());
        return text == null ? fallback : text;
    }

    /** One of a fixed set of words. */
    String choice(String key, String fallback, Collection<String> allowed) {
        Optional<Entry> e = entry(key);
        String value = optionalText(key, fallback);
        if (e.isPresent() && !allowed.contains(value)) {
            String suggestion = Suggestions.closest(value, allowed).map(s -> "did you mean \"" + s + "\"? ").orElse("");
            problems.add(e.get().value().line(), pathOf(key), "unknown value \"" + value + "\"",
                    suggestion + "known: " + String.join(", ", allowed));
            return fallback;
        }
        return value;
    }

    boolean bool(String key, boolean fallback) {
        Optional<Entry> e = entry(key);
        if (e.isEmpty() || isNull(e.get().value())) {
            return fallback;
        }
        Node value = e.get().value();
        // YAML 1.1 also reads yes/no/on/off as booleans; accept only the unambiguous words
        if (value instanceof ScalarNode s && s.isBoolean()
                && (s.text().equalsIgnoreCase("true") || s.text().equalsIgnoreCase("false"))) {
            return s.token() == com.fasterxml.jackson.core.JsonToken.VALUE_TRUE;
        }
        problems.add(value.line(), pathOf(key), "expected true or false, got " + describe(value),
                value instanceof ScalarNode s && s.isBoolean() ? "write true or false" : "");
        return fallback;
    }

    /** A duration such as {@code 90s}; {@code null} when wrong (already reported). */
    Duration duration(String key, Duration fallback) {
        Optional<Entry> e = entry(key);
        if (e.isEmpty() || isNull(e.get().value())) {
            return fallback;
        }
        String text = text(e.get());
        if (text == null) {
            return null;
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException ex) {
            String hint = text.strip().matches("\\d+")
                    ? "add a unit: " + text.strip() + "s or " + text.strip() + "m"
                    : "write durations like 90s, 2m, 1m30s or 500ms";
            problems.add(e.get().value().line(), pathOf(key), "\"" + text + "\" is not a duration", hint);
            return null;
        }
    }

    /** A mapping of scalar values, e.g. driver options; nested values are reported. */
    Map<String, String> stringMap(String key) {
        Optional<Entry> e = entry(key);
        Map<String, String> result = new LinkedHashMap<>();
        if (e.isEmpty() || isNull(e.get().value())) {
            return result;
        }
        Section map = nested(e.get());
        for (Entry option : map.entries()) {
            String value = map.text(option);
            if (value != null) {
                result.put(option.key(), value);
            }
        }
        return result;
    }

    /** Reports every key of this mapping that nobody asked for. */
    void rejectUnknownKeys() {
        if (broken) {
            return;
        }
        for (Entry e : node.entries().values()) {
            if (!known.contains(e.key())) {
                unknownKey(e, known);
            }
        }
    }

    void unknownKey(Entry e, Collection<String> candidates) {
        Optional<String> close = Suggestions.closest(e.key(), candidates);
        String hint = close.map(s -> "did you mean \"" + s + "\"?")
                .orElse("known: " + String.join(", ", new TreeSet<>(candidates)));
        problems.add(e.keyLine(), pathOf(e.key()), "unknown key \"" + e.key() + "\"", hint);
    }

    void missing(String key, String hint) {
        if (!broken) {
            problems.add(line, pathOf(key), "missing", hint);
        }
    }

    /** The scalar text of an entry, or {@code null} after reporting a mapping or list where text belongs. */
    String text(Entry e) {
        Node value = e.value();
        if (value instanceof ScalarNode s) {
            return s.isNull() ? "" : s.text();
        }
        problems.add(value.line(), pathOf(e.key()), "expected a single value, got " + describe(value), "");
        return null;
    }

    private static boolean isNull(Node value) {
        return value instanceof ScalarNode s && s.isNull();
    }

    static String describe(Node value) {
        if (value instanceof MapNode) {
            return "a mapping";
        }
        if (value instanceof YamlTree.ListNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) value;
        return s.isNull() ? "nothing" : "\"" + s.text() + "\"";
    }
}
