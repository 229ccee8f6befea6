package org.openkiosk.app.fleet.command;

/** Records every accepted and rejected command in the audit chain. */
@FunctionalInterface
public interface CommandAudit {

    /**
     * @param accepted whether the command passed verification
     * @param id       the command's id, or {@code unknown}
     * @param details  command, key, outcome, code, reason (no personal data)
     */
    void record(boolean accepted, String id, java.util.Map<String, String> details);
}
