package org.openkiosk.app.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.openkiosk.app.config.YamlTree.Entry;
import org.openkiosk.app.config.YamlTree.ListNode;
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
public final class Section {

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
    public static Section root(Node root, Problems problems) {
        return root(root, problems, "the file must be a mapping of sections (kiosk:, ui:, devices:, store:)");
    }

    /** The document root of another configuration file; {@code notAMapping} says what the file should hold. */
    public static Section root(Node root, Problems problems, String notAMapping) {
        if (root == null) {
            return new Section(new MapNode(1, Map.of()), "", 1, problems, false);
        }
        if (root instanceof MapNode map) {
            return new Section(map, "", root.line(), problems, false);
        }
        problems.add(root.line(), "", notAMapping, "");
        return new Section(new MapNode(1, Map.of()), "", 1, problems, true);
    }

    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    public Problems problems() {
        return problems;
    }

    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public Optional<Entry> entry(String key) {
        known.add(key);
        return Optional.ofNullable(node.entries().get(key));
    }

    /** The keys written in this mapping, in file order. */
    public Collection<Entry> entries() {
        return node.entries().values();
    }

    /** A nested mapping; an absent one reads as empty (and is reported when required). */
    public Section section(String key, boolean required) {
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
    public Section nested(Entry e) {
        String childPath = pathOf(e.key());
        if (e.value() instanceof MapNode map) {
            return new Section(map, childPath, e.keyLine(), problems, false);
        }
        problems.add(e.value().line(), childPath, "expected a mapping of keys, got " + describe(e.value()),
                "indent the keys below \"" + e.key() + ":\"");
        return new Section(new MapNode(e.keyLine(), Map.of()), childPath, e.keyLine(), problems, true);
    }

    /** A text field that must be present; {@code null} when missing or wrong (already reported). */
    public String requiredText(String key, String example) {
        Optional<Entry> e = entry(key);
        if (e.isEmpty() || isNull(e.get().value())) {
            missing(key, "e.g. " + key + ": " + example);
            return null;
        }
        return text(e.get());
    }

    public String optionalText(String key, String fallback) {
        Optional<Entry> e = entry(key);
        if (e.isEmpty() || isNull(e.get().value())) {
            return fallback;
        }
        String text = text(e.get());
        return text == null ? fallback : text;
    }

    /** One of a fixed set of words. */
    public String choice(String key, String fallback, Collection<String> allowed) {
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

    public boolean bool(String key, boolean fallback) {
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
    public Duration duration(String key, Duration fallback) {
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
    public Map<String, String> stringMap(String key) {
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

    /** One text of a list, with where it is written. */
    public record Item(String text, int line, String path) {}

    /**
     * A list of texts, e.g. {@code body:} paragraphs; a single text reads as a list of one. Absent reads as
     * empty; mappings or lists among the items are reported and left out.
     */
    public List<Item> texts(String key) {
        Optional<Entry> e = entry(key);
        List<Item> items = new ArrayList<>();
        if (e.isEmpty() || isNull(e.get().value())) {
            return items;
        }
        Node value = e.get().value();
        if (value instanceof ScalarNode s) {
            items.add(new Item(s.text(), s.line(), pathOf(key)));
            return items;
        }
        if (!(value instanceof ListNode list)) {
            problems.add(value.line(), pathOf(key), "expected a list, got " + describe(value),
                    "write [a, b] or one \"- item\" per line");
            return items;
        }
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            String itemPath = pathOf(key) + "[" + i + "]";
            if (item instanceof ScalarNode s && !s.isNull()) {
                items.add(new Item(s.text(), s.line(), itemPath));
            } else {
                problems.add(item.line(), itemPath, "expected a single value, got " + describe(item), "");
            }
        }
        return items;
    }

    /** A list of mappings, e.g. {@code services:}; absent reads as empty, other items are reported. */
    public List<Section> mappings(String key) {
        Optional<Entry> e = entry(key);
        List<Section> sections = new ArrayList<>();
        if (e.isEmpty() || isNull(e.get().value())) {
            return sections;
        }
        Node value = e.get().value();
        if (!(value instanceof ListNode list)) {
            problems.add(value.line(), pathOf(key), "expected a list, got " + describe(value),
                    "write one \"- key: value\" item per entry");
            return sections;
        }
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            String itemPath = pathOf(key) + "[" + i + "]";
            if (item instanceof MapNode map) {
                sections.add(new Section(map, itemPath, item.line(), problems, false));
            } else {
                problems.add(item.line(), itemPath, "expected a mapping of keys, got " + describe(item), "");
            }
        }
        return sections;
    }

    /**
     * A whole number within {@code [min, max]}; {@code fallback} when absent ({@code null} fallback: required),
     * {@code null} when wrong (already reported).
     */
    public Integer integer(String key, Integer fallback, int min, int max) {
        Optional<Entry> e = entry(key);
        if (e.isEmpty() || isNull(e.get().value())) {
            if (fallback == null) {
                missing(key, "e.g. " + key + ": " + Math.max(min, Math.min(max, 1)));
            }
            return fallback;
        }
        Node value = e.get().value();
        if (!(value instanceof ScalarNode s) || s.token() != com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
            problems.add(value.line(), pathOf(key), "expected a whole number, got " + describe(value),
                    "write digits only, e.g. " + key + ": " + Math.max(min, 1));
            return null;
        }
        long n;
        try {
            n = Long.parseLong(s.text().strip());
        } catch (NumberFormatException ex) {
            n = Long.MAX_VALUE;
        }
        if (n < min || n > max) {
            problems.add(value.line(), pathOf(key), "must be " + range(min, max) + ", got " + s.text(), "");
            return null;
        }
        return (int) n;
    }

    private static String range(int min, int max) {
        if (max == Integer.MAX_VALUE) {
            return "at least " + min;
        }
        return "from " + min + " to " + max;
    }

    /** Where the value of {@code key} is written, else where this section starts. */
    public int valueLine(String key) {
        Node value = node.entries().containsKey(key) ? node.entries().get(key).value() : null;
        return value == null ? line : value.line();
    }

    /** Reports a problem with the value of {@code key}. */
    public void problem(String key, String message, String hint) {
        problems.add(valueLine(key), pathOf(key), message, hint);
    }

    /** Reports every key of this mapping that nobody asked for. */
    public void rejectUnknownKeys() {
        if (broken) {
            return;
        }
        for (Entry e : node.entries().values()) {
            if (!known.contains(e.key())) {
                unknownKey(e, known);
            }
        }
    }

    public void unknownKey(Entry e, Collection<String> candidates) {
        Optional<String> close = Suggestions.closest(e.key(), candidates);
        String hint = close.map(s -> "did you mean \"" + s + "\"?")
                .orElse("known: " + String.join(", ", new TreeSet<>(candidates)));
        problems.add(e.keyLine(), pathOf(e.key()), "unknown key \"" + e.key() + "\"", hint);
    }

    public void missing(String key, String hint) {
        if (!broken) {
            problems.add(line, pathOf(key), "missing", hint);
        }
    }

    /** The scalar text of an entry, or {@code null} after reporting a mapping or list where text belongs. */
    public String text(Entry e) {
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

    public static String describe(Node value) {
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
