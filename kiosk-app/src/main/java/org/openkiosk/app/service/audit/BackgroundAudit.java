package org.openkiosk.app.service.audit;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openkiosk.app.logging.KioskLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends records from callers that must not wait for the database — the JavaFX thread above all (maintenance
 * actions, out of service) — on one background thread, in the order they were submitted. A record that cannot be
 * written is reported on the audit logger ({@code audit.log}), so the event is never silently lost.
 */
public final class BackgroundAudit implements AutoCloseable {

    private static final Logger auditLog = LoggerFactory.getLogger(KioskLogging.AUDIT);

    private final AuditLog audit;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "audit-writer");
        t.setDaemon(true);
        return t;
    });

    public BackgroundAudit(AuditLog audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** Queues the record; returns at once. The future completes when it is in the trail (tests wait on it). */
    public Future<?> submit(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return writer.submit(() -> {
            try {
                audit.record(entry);
            } catch (RuntimeException e) {
                auditLog.error("AUDIT-CHAIN could not record {} {}: {}", entry.action(), entry.subject(), e.getMessage());
                throw e;
            }
        });
    }

    /** Writes what is queued (up to 10 s), then stops. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                auditLog.error("AUDIT-CHAIN records still queued after 10 s were not written");
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
