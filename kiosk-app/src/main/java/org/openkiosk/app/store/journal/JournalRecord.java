package org.openkiosk.app.store.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One record a kiosk decided, as kept in its journal and forwarded to the hall store.
 *
 * @param key       the idempotency key: the kiosk's id and a random UUID, fixed when the record is written, so every
 *                  delivery of the record carries the same key
 * @param payload   the record's fields as a JSON object of strings (no full ID numbers or names)
 */
public record JournalRecord(String key, RecordKind kind, String kioskId, Instant createdAt, String payload) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fields of a payload, in key order. */
    public Map<String, String> fields() {
        try {
            return JSON.readValue(payload, new TypeReference<TreeMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("journal record " + key + " has a payload that is not a JSON object", e);
        }
    }

    /** A field the record's kind always has. */
    public String field(String name) {
        String value = fields().get(name);
        if (value == null) {
            throw new IllegalStateException("journal record " + key + " (" + kind + ") has no " + name);
        }
        return value;
    }

    static String payloadOf(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("fields cannot be written as JSON", e);
        }
    }
}
