package org.openkiosk.app.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The optional {@code audit:} section of {@code kiosk.yaml}: where the key that keys the audit chain comes from, and
 * where the signed chain head is published outside the database (ADR 0064).
 *
 * @param keyFile     an absolute path to a file readable only by the kiosk user, holding the key as 64 hex digits
 * @param keyVariable the name of an environment variable holding the key (instead of a file)
 * @param headFile    where the signed chain head is written (default: {@code audit.head} in the data directory)
 */
public record AuditSettings(Optional<Path> keyFile, Optional<String> keyVariable, Optional<Path> headFile) {

    public AuditSettings {
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(keyVariable, "keyVariable");
        Objects.requireNonNull(headFile, "headFile");
    }

    /** No {@code audit:} section: a key generated under the data directory, the head file next to it. */
    public static AuditSettings defaults() {
        return new AuditSettings(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** True when the configuration names the key (a file or an environment variable). */
    public boolean keyConfigured() {
        return keyFile.isPresent() || keyVariable.isPresent();
    }
}
