package org.openkiosk.app.fleet.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openkiosk.app.fleet.FleetJson;
import org.openkiosk.app.fleet.FleetLink;
import org.openkiosk.app.fleet.FleetTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a raw command payload from the link, verifies it, carries it out, replies on the {@code reply} topic and
 * records it in the audit chain (before replying, so a reply means it is on record). Whatever arrives (garbage, a megabyte, a forgery), the kiosk answers and carries
 * on; nothing here throws to the link.
 */
public final class CommandProcessor {

    private static final Logger log = LoggerFactory.getLogger(CommandProcessor.class);

    public static final String OUT_OF_SERVICE = "out-of-service";
    public static final String RELOAD_CONFIG = "reload-config";
    public static final String DIAGNOSTICS = "diagnostics";
    public static final String RESTART = "restart";
    public static final String PING = "ping";
    /** Staff's answer to a citizen's help call: {@code call=ID state=acknowledged|done}. */
    public static final String HELP_CALL = "help-call";
    public static final Set<String> COMMANDS = Set.of(OUT_OF_SERVICE, RELOAD_CONFIG, DIAGNOSTICS, RESTART, PING,
            HELP_CALL);
    /** Diagnostics travel in chunks of this many bytes (before Base64). */
    public static final int CHUNK_BYTES = 48 * 1024;

    private final FleetLink link;
    private final FleetTopics topics;
    private final String kiosk;
    private final CommandVerifier verifier;
    private final KioskActions actions;
    private final CommandAudit audit;
    private final Clock clock;

    public CommandProcessor(FleetLink link, String kiosk, CommandVerifier verifier, KioskActions actions,
                            CommandAudit audit, Clock clock) {
        this.link = link;
        this.topics = link.topics();
        this.kiosk = kiosk;
        this.verifier = verifier;
        this.actions = actions;
        this.audit = audit;
        this.clock = clock;
    }

    public void handle(byte[] payload) {
        FleetCommand command;
        try {
            command = FleetCommand.parse(payload);
            verifier.verify(command);
            if (!COMMANDS.contains(command.command())) {
                throw new CommandRejected(CommandRejected.UNKNOWN_COMMAND, "unknown command \"" + command.command()
                        + "\"; known: " + String.join(", ", new java.util.TreeSet<>(COMMANDS)));
            }
        } catch (CommandRejected e) {
            reject(FleetCommand.idOf(payload).orElse(null), null, null, e, List.of());
            return;
        } catch (RuntimeException e) {
            log.error("fleet: verifying a command failed", e);
            reject(FleetCommand.idOf(payload).orElse(null), null, null,
                    new CommandRejected(CommandRejected.MALFORMED, "cannot be verified: " + e.getClass().getSimpleName()),
                    List.of());
            return;
        }
        carryOut(command);
    }

    private void carryOut(FleetCommand c) {
        String by = "operator:" + c.keyId();
        try {
            switch (c.command()) {
                case PING -> applied(c, "pong", Map.of("pong", clock.instant().toString()));
                case OUT_OF_SERVICE -> outOfService(c, by);
                case RELOAD_CONFIG -> reload(c);
                case RESTART -> {
                    actions.restartWhenIdle("fleet command " + c.id() + " by " + by);
                    applied(c, "the kiosk restarts as soon as no citizen is being served", Map.of());
                }
                case DIAGNOSTICS -> diagnostics(c);
                case HELP_CALL -> helpCall(c, by);
                default -> throw new IllegalStateException(c.command());
            }
        } catch (CommandRejected e) {
            reject(c.id(), c.command(), c.keyId(), e, List.of());
        } catch (IOException | RuntimeException e) {
            log.error("fleet: command {} ({}) failed", c.id(), c.command(), e);
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            record(true, c.id(), c.command(), c.keyId(), CommandReply.FAILED, null, reason);
            reply(new CommandReply(CommandReply.SCHEMA, c.id(), kiosk, c.command(), CommandReply.FAILED, null, reason,
                    null, null, clock.instant()));
        }
    }

    private void outOfService(FleetCommand c, String by) throws CommandRejected {
        String on = c.args().get("on");
        if (!"true".equals(on) && !"false".equals(on)) {
            throw new CommandRejected(CommandRejected.BAD_ARGUMENTS, "out-of-service needs on=true or on=false");
        }
        String reason = c.args().getOrDefault("reason", "").strip();
        if ("true".equals(on) && reason.isEmpty()) {
            throw new CommandRejected(CommandRejected.BAD_ARGUMENTS, "out-of-service on=true needs a reason, shown on the kiosk");
        }
        if (reason.length() > 200) {
            throw new CommandRejected(CommandRejected.BAD_ARGUMENTS, "the reason may be at most 200 characters");
        }
        actions.outOfService("true".equals(on), reason, by);
        applied(c, "true".equals(on) ? "out of service: " + reason : "back in service", Map.of());
    }

    private void helpCall(FleetCommand c, String by) throws CommandRejected {
        String call = c.args().getOrDefault("call", "");
        String state = c.args().getOrDefault("state", "");
        if (call.isEmpty() || !Set.of("acknowledged", "done").contains(state)) {
            throw new CommandRejected(CommandRejected.BAD_ARGUMENTS, "help-call needs call=ID and state=acknowledged or done");
        }
        if (!actions.staffAnswered(call, state, by)) {
            throw new CommandRejected(CommandRejected.BAD_ARGUMENTS, "no open help call " + call
                    + " on this kiosk (cancelled or already done)");
        }
        applied(c, "help call " + call + " " + state, Map.of());
    }

    private void reload(FleetCommand c) throws CommandRejected {
        List<String> problems = actions.validateConfiguration();
        if (!problems.isEmpty()) {
            CommandRejected e = new CommandRejected(CommandRejected.INVALID_CONFIGURATION, problems.size()
                    + " configuration problem(s); the kiosk keeps its current configuration");
            reject(c.id(), c.command(), c.keyId(), e, problems);
            return;
        }
        actions.restartWhenIdle("configuration reload by fleet command " + c.id());
        applied(c, "the configuration is valid; the kiosk restarts with it as soon as no citizen is being served",
                Map.of());
    }

    private void diagnostics(FleetCommand c) throws IOException {
        Path zip = actions.collectDiagnostics();
        byte[] bytes = Files.readAllBytes(zip);
        String sha256;
        try {
            sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int count = Math.max(1, (bytes.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
        for (int i = 0; i < count; i++) {
            int from = i * CHUNK_BYTES;
            int to = Math.min(bytes.length, from + CHUNK_BYTES);
            Map<String, Object> chunk = new LinkedHashMap<>();
            chunk.put("schema", "openkiosk/diagnostics-chunk/1");
            chunk.put("commandId", c.id());
            chunk.put("file", zip.getFileName().toString());
            chunk.put("index", i);
            chunk.put("count", count);
            chunk.put("sha256", sha256);
            chunk.put("data", Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, from, to)));
            link.enqueue(topics.diagnostics(c.id()), FleetJson.bytes(chunk), false);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("topic", topics.diagnostics(c.id()));
        data.put("chunks", count);
        data.put("bytes", bytes.length);
        data.put("sha256", sha256);
        data.put("file", zip.getFileName().toString());
        applied(c, "diagnostics bundle published in " + count + " chunk(s)", data);
    }

    private void applied(FleetCommand c, String reason, Map<String, Object> data) {
        record(true, c.id(), c.command(), c.keyId(), CommandReply.APPLIED, null, reason);
        reply(new CommandReply(CommandReply.SCHEMA, c.id(), kiosk, c.command(), CommandReply.APPLIED, null, reason,
                null, data.isEmpty() ? null : data, clock.instant()));
        log.info("fleet: command {} {} by {} applied: {}", c.id(), c.command(), c.keyId(), reason);
    }

    private void reject(String id, String command, String keyId, CommandRejected e, List<String> problems) {
        record(false, id, command, keyId, CommandReply.REJECTED, e.code(), e.getMessage());
        reply(new CommandReply(CommandReply.SCHEMA, id, kiosk, command, CommandReply.REJECTED, e.code(), e.getMessage(),
                problems.isEmpty() ? null : problems, null, clock.instant()));
        log.warn("fleet: command {} rejected: {} {}", id == null ? "(no id)" : id, e.code(), e.getMessage());
    }

    private void reply(CommandReply reply) {
        try {
            link.enqueue(topics.reply(), FleetJson.bytes(reply), false);
        } catch (RuntimeException e) {
            log.error("fleet: cannot queue the reply to command {}", reply.id(), e);
        }
    }

    private void record(boolean accepted, String id, String command, String keyId, String outcome, String code,
                        String reason) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("command", command == null ? "unknown" : command);
        details.put("key", keyId == null ? "unknown" : keyId);
        details.put("outcome", outcome);
        Optional.ofNullable(code).ifPresent(v -> details.put("code", v));
        details.put("reason", reason.length() > 300 ? reason.substring(0, 300) : reason);
        try {
            audit.record(accepted, id == null ? "unknown" : id, details);
        } catch (RuntimeException e) {
            log.error("fleet: command {} could not be recorded in the audit chain: {}", id, e.toString());
        }
    }
}
