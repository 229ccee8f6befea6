package org.openkiosk.app.fleet.command;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code reply} payload: what became of a command.
 *
 * @param id       the command's id; absent when the payload was too broken to carry one
 * @param outcome  {@code applied}, {@code rejected} (never carried out) or {@code failed} (tried, did not work)
 * @param code     for rejections, a {@link CommandRejected} code
 * @param reason   people's words
 * @param problems configuration problems of a rejected reload ({@code kiosk.yaml:14 field: message (hint)})
 * @param data     what the command returns (ping time, diagnostics chunks)
 */
public record CommandReply(String schema, String id, String kiosk, String command, String outcome, String code,
                           String reason, List<String> problems, Map<String, Object> data, Instant at) {

    public static final String SCHEMA = "openkiosk/reply/1";
    public static final String APPLIED = "applied";
    public static final String REJECTED = "rejected";
    public static final String FAILED = "failed";
}
