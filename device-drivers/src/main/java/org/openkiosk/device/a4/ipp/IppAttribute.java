package org.openkiosk.device.a4.ipp;

import java.util.List;
import java.util.Objects;

/**
 * One IPP attribute: its name, its value tag and one or more values, each with its own tag in
 * {@code valueTags} (a 1setOf may mix syntaxes, e.g. {@code keyword | name}; {@code tag} is the first value's).
 * Values are {@link Integer} for
 * integer/enum, {@link Boolean} for boolean, {@link String} for the character-string tags,
 * {@link IppLocalizedText}, {@link IppRange}, {@link IppResolution}, {@link IppCollection} for those syntaxes,
 * and {@code byte[]} for the rest (dateTime, octetString; empty for out-of-band values such as no-value).
 */
public record IppAttribute(String name, int tag, List<Object> values, List<Integer> valueTags) {

    public IppAttribute {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        valueTags = List.copyOf(valueTags);
        if (valueTags.size() != values.size()) {
            throw new IllegalArgumentException("IPP attribute " + name + ": " + values.size() + " values but "
                    + valueTags.size() + " value tags");
        }
        if (!valueTags.isEmpty() && valueTags.get(0) != tag) {
            throw new IllegalArgumentException("IPP attribute " + name + ": tag is not the first value's");
        }
    }

    /** Every value with the same tag. */
    public IppAttribute(String name, int tag, List<Object> values) {
        this(name, tag, values, java.util.Collections.nCopies(values.size(), tag));
    }

    public static IppAttribute of(String name, int tag, Object... values) {
        return new IppAttribute(name, tag, List.of(values));
    }

    /** The first value as an int, or {@code fallback} when absent or not an integer. */
    public int intValue(int fallback) {
        return !values.isEmpty() && values.get(0) instanceof Integer i ? i : fallback;
    }

    /** Every string value (keywords, names, texts, the text of texts and names with a language). */
    public List<String> strings() {
        return values.stream()
                .map(v -> v instanceof IppLocalizedText t ? t.text() : v)
                .filter(String.class::isInstance).map(String.class::cast).toList();
    }

    /** The collection values (e.g. {@code media-col}). */
    public List<IppCollection> collections() {
        return values.stream().filter(IppCollection.class::isInstance).map(IppCollection.class::cast).toList();
    }
}
