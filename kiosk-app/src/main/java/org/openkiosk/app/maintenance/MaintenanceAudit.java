package org.openkiosk.app.maintenance;

import java.util.Objects;
import org.openkiosk.app.logging.KioskLogging;
import org.openkiosk.app.logging.LogMasker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes technicians' doings to the audit logger ({@link KioskLogging#AUDIT}, {@code audit.log}): one line per
 * entry, refusal, lock-out, action and exit, prefixed {@code MAINT}. Texts are masked before they are written
 * (the log encoder masks again); a PIN is never part of a line.
 */
public final class MaintenanceAudit {

    private static final Logger audit = LoggerFactory.getLogger(KioskLogging.AUDIT);

    private final String kioskId;

    public MaintenanceAudit(String kioskId) {
        this.kioskId = Objects.requireNonNull(kioskId, "kioskId");
    }

    public void entered(String how) {
        audit.info("MAINT kiosk={} enter via={}", kioskId, how);
    }

    public void refused(int failures, int allowed) {
        audit.warn("MAINT kiosk={} pin-refused failures={}/{}", kioskId, failures, allowed);
    }

    public void lockedOut(long seconds) {
        audit.warn("MAINT kiosk={} locked-out seconds={}", kioskId, seconds);
    }

    public void action(String action, String outcome) {
        audit.info("MAINT kiosk={} action={} outcome={}", kioskId, action, oneLine(outcome));
    }

    public void exited(String reason) {
        audit.info("MAINT kiosk={} exit reason={}", kioskId, reason);
    }

    private static String oneLine(String text) {
        return LogMasker.mask(text == null ? "" : text).replace('\n', ' ').replace('\r', ' ');
    }
}
