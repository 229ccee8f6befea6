package org.openkiosk.app.maintenance;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openkiosk.app.logging.KioskLogging;
import org.openkiosk.app.logging.LogMasker;
import org.openkiosk.app.runtime.ConfigurationChanges;
import org.openkiosk.app.service.audit.AuditAction;
import org.openkiosk.app.service.audit.AuditEntry;
import org.openkiosk.app.service.audit.BackgroundAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes technicians' doings to the audit logger ({@link KioskLogging#AUDIT}, {@code audit.log}): one line per
 * entry, refusal, lock-out, action and exit, prefixed {@code MAINT}; and, on a kiosk with a store, to the keyed
 * audit trail (ADR 0064) on a background thread, so the JavaFX thread never waits for the database. Texts are
 * masked before they are written (the log encoder masks again); a PIN is never part of a line or a record.
 */
public final class MaintenanceAudit {

    private static final Logger audit = LoggerFactory.getLogger(KioskLogging.AUDIT);
    /** Room for an outcome in a trail record's details. */
    private static final int MAX_OUTCOME = 300;

    private final String kioskId;
    private final Optional<BackgroundAudit> chain;

    /** Only the audit log (a shell without a store). */
    public MaintenanceAudit(String kioskId) {
        this(kioskId, Optional.empty());
    }

    public MaintenanceAudit(String kioskId, Optional<BackgroundAudit> chain) {
        this.kioskId = Objects.requireNonNull(kioskId, "kioskId");
        this.chain = Objects.requireNonNull(chain, "chain");
    }

    public void entered(String how) {
        audit.info("MAINT kiosk={} enter via={}", kioskId, how);
        record(AuditAction.MAINTENANCE_ENTERED, "maintenance", Map.of("via", how));
    }

    public void refused(int failures, int allowed) {
        audit.warn("MAINT kiosk={} pin-refused failures={}/{}", kioskId, failures, allowed);
        record(AuditAction.MAINTENANCE_PIN_REFUSED, "maintenance", Map.of("failures", failures + "/" + allowed));
    }

    public void lockedOut(long seconds) {
        audit.warn("MAINT kiosk={} locked-out seconds={}", kioskId, seconds);
        record(AuditAction.MAINTENANCE_LOCKED_OUT, "maintenance", Map.of("seconds", Long.toString(seconds)));
    }

    /** An action and its outcome; taking the kiosk out of and back into service get their own record types. */
    public void action(String action, String outcome) {
        String text = oneLine(outcome);
        audit.info("MAINT kiosk={} action={} outcome={}", kioskId, action, text);
        AuditAction type = switch (action) {
            case "out-of-service" -> AuditAction.OUT_OF_SERVICE;
            case "back-in-service" -> AuditAction.BACK_IN_SERVICE;
            default -> AuditAction.MAINTENANCE_ACTION;
        };
        record(type, "maintenance:" + truncate(action, 100), Map.of("outcome", truncate(text, MAX_OUTCOME)));
    }

    /**
     * The configuration file {@code file} was changed ({@code how}, e.g. {@link ConfigurationChanges#MAINTENANCE_SCREEN});
     * {@code sha256} is the {@link ConfigurationChanges#digest} of the whole configuration directory afterwards, which
     * the next start compares with (ADR 0068).
     */
    public void configurationChanged(String file, String how, String sha256) {
        audit.info("MAINT kiosk={} configuration-changed file={} how={} sha256={}", kioskId, file, how, sha256);
        record(AuditAction.CONFIGURATION_CHANGED, "config:" + truncate(file, 100), Map.of("how", how,
                "sha256", sha256));
    }

    public void exited(String reason) {
        audit.info("MAINT kiosk={} exit reason={}", kioskId, reason);
        record(AuditAction.MAINTENANCE_EXITED, "maintenance", Map.of("reason", truncate(oneLine(reason), 100)));
    }

    private void record(AuditAction action, String subject, Map<String, String> details) {
        chain.ifPresent(c -> c.submit(new AuditEntry(action, subject, details)));
    }

    private static String oneLine(String text) {
        return LogMasker.mask(text == null ? "" : text).replace('\n', ' ').replace('\r', ' ');
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
