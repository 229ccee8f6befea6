package org.openkiosk.app.fleet.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openkiosk.app.fleet.FleetJson;

/**
 * A remote command as an operator signs it: a unique id, the one kiosk it is for ({@code REGION/HALL/KIOSK}), the
 * command and its arguments, when it was issued and when it expires, and the operator key's id. The Ed25519
 * signature covers {@link #canonical()}, a line-oriented text that has exactly one form for each command (ADR 0101).
 */
public record FleetCommand(String id, String target, String command, SortedMap<String, String> args,
                           Instant issuedAt, Instant expiresAt, String keyId, Optional<byte[]> signature) {

    public static final String SCHEMA = "openkiosk/command/1";
    /** Larger payloads are refused before parsing. */
    public static final int MAX_BYTES = 8 * 1024;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9._-]{1,32}/[A-Za-z0-9._-]{1,32}/[A-Za-z0-9._-]{1,32}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z-]{0,31}");
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");
    private static final Pattern ARG_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,31}");
    private static final int MAX_ARG_LENGTH = 500;

    public FleetCommand {
        args = new TreeMap<>(args);
    }

    /** The exact bytes the signature covers. */
    public byte[] canonical() {
        StringBuilder sb = new StringBuilder("OPENKIOSK-COMMAND-V1\n")
                .append("id:").append(id).append('\n')
                .append("target:").append(target).append('\n')
                .append("command:").append(command).append('\n')
                .append("issuedAt:").append(issuedAt).append('\n')
                .append("expiresAt:").append(expiresAt).append('\n')
                .append("keyId:").append(keyId).append('\n');
        args.forEach((k, v) -> sb.append("arg:").append(k).append('=').append(v).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public FleetCommand signed(byte[] signature) {
        return new FleetCommand(id, target, command, args, issuedAt, expiresAt, keyId, Optional.of(signature));
    }

    public byte[] toJson() {
        ObjectNode node = FleetJson.MAPPER.createObjectNode();
        node.put("schema", SCHEMA).put("id", id).put("target", target).put("command", command);
        ObjectNode a = node.putObject("args");
        args.forEach(a::put);
        node.put("issuedAt", issuedAt.toString()).put("expiresAt", expiresAt.toString()).put("keyId", keyId);
        signature.ifPresent(s -> node.put("signature", Base64.getEncoder().encodeToString(s)));
        return FleetJson.bytes(node);
    }

    /** Reads a payload strictly: every field present and well-formed, nothing else; the signature is checked later. */
    public static FleetCommand parse(byte[] payload) throws CommandRejected {
        if (payload.length > MAX_BYTES) {
            throw new CommandRejected(CommandRejected.OVERSIZED, "payload of " + payload.length + " bytes; at most "
                    + MAX_BYTES);
        }
        JsonNode node;
        try {
            node = FleetJson.MAPPER.readTree(payload);
        } catch (java.io.IOException e) {
            throw new CommandRejected(CommandRejected.MALFORMED, "not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new CommandRejected(CommandRejected.MALFORMED, "not a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!java.util.Set.of("schema", "id", "target", "command", "args", "issuedAt", "expiresAt", "keyId",
                    "signature").contains(name)) {
                throw new CommandRejected(CommandRejected.MALFORMED, "unknown field \"" + safe(name) + "\"");
            }
        }
        if (!SCHEMA.equals(node.path("schema").asText())) {
            throw new CommandRejected(CommandRejected.MALFORMED, "schema must be " + SCHEMA);
        }
        String id = text(node, "id", ID);
        String target = text(node, "target", TARGET);
        String command = text(node, "command", NAME);
        String keyId = text(node, "keyId", KEY_ID);
        SortedMap<String, String> args = new TreeMap<>();
        JsonNode a = node.path("args");
        if (!a.isMissingNode() && !a.isObject()) {
            throw new CommandRejected(CommandRejected.MALFORMED, "args must be an object of strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!ARG_NAME.matcher(e.getKey()).matches() || !e.getValue().isTextual()
                    || e.getValue().asText().length() > MAX_ARG_LENGTH
                    || e.getValue().asText().chars().anyMatch(Character::isISOControl)) {
                throw new CommandRejected(CommandRejected.MALFORMED, "argument \"" + safe(e.getKey())
                        + "\" must be a name with a single-line text of at most " + MAX_ARG_LENGTH + " characters");
            }
            args.put(e.getKey(), e.getValue().asText());
        }
        Instant issuedAt = instant(node, "issuedAt");
        Instant expiresAt = instant(node, "expiresAt");
        Optional<byte[]> signature = Optional.empty();
        if (node.hasNonNull("signature")) {
            try {
                signature = Optional.of(Base64.getDecoder().decode(node.get("signature").asText()));
            } catch (IllegalArgumentException e) {
                throw new CommandRejected(CommandRejected.MALFORMED, "signature is not Base64");
            }
        }
        return new FleetCommand(id, target, command, args, issuedAt, expiresAt, keyId, signature);
    }

    /** The id, if the payload has a usable one (for the reply of a rejected command). */
    public static Optional<String> idOf(byte[] payload) {
        if (payload.length > MAX_BYTES) {
            return Optional.empty();
        }
        try {
            String id = FleetJson.MAPPER.readTree(payload).path("id").asText("");
            return ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field, Pattern pattern) throws CommandRejected {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || !pattern.matcher(value.asText()).matches()) {
            throw new CommandRejected(CommandRejected.MALFORMED, field + " is missing or not of the form " + pattern);
        }
        return value.asText();
    }

    private static Instant instant(JsonNode node, String field) throws CommandRejected {
        JsonNode value = node.get(field);
        try {
            if (value != null && value.isTextual()) {
                return Instant.parse(value.asText());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new CommandRejected(CommandRejected.MALFORMED, field + " must be an ISO-8601 instant, e.g. 2026-12-01T23:40:00Z");
    }

    private static String safe(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
