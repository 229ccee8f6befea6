package org.openkiosk.app.runtime;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.openkiosk.app.config.AuditSettings;
import org.openkiosk.app.service.audit.AuditHeadFile;
import org.openkiosk.app.service.audit.AuditKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a kiosk's audit key and published head come from (ADR 0064): the configured key file or environment
 * variable; the demo's generated demo key under the data directory; or, when a real kiosk's configuration names no
 * key, a key generated under the data directory (with a warning: it lies next to the data it protects).
 *
 * @param key      keys the audit chain
 * @param headFile where the signed head is published
 * @param origin   where the key came from, in words
 */
public record AuditTrailSetup(AuditKey key, AuditHeadFile headFile, String origin) {

    private static final Logger log = LoggerFactory.getLogger(AuditTrailSetup.class);

    /** The key generated under the data directory when the configuration names none. */
    public static final String KEY_FILE = "audit.key";
    /** The demo's key, generated under the data directory, apart from a real kiosk's. */
    public static final String DEMO_KEY_FILE = "demo-audit.key";

    public AuditTrailSetup {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(headFile, "headFile");
    }

    /**
     * For the kiosk: a key under the data directory is generated when it does not exist yet.
     *
     * @throws IllegalArgumentException when the key cannot be read (missing, readable by others, malformed, unset)
     */
    public static AuditTrailSetup resolve(AuditSettings settings, Path dataDir, boolean demo,
                                          UnaryOperator<String> environment) {
        return resolve(settings, dataDir, demo, environment, true);
    }

    /**
     * For checking a trail ({@code audit verify}): a missing key is an error, never replaced by a new one.
     *
     * @throws IllegalArgumentException when the key cannot be read (missing, readable by others, malformed, unset)
     */
    public static AuditTrailSetup existing(AuditSettings settings, Path dataDir, boolean demo,
                                           UnaryOperator<String> environment) {
        return resolve(settings, dataDir, demo, environment, false);
    }

    /** Where the signed head is published: {@code audit.headFile}, else under the data directory. */
    public static AuditHeadFile headFile(AuditSettings settings, Path dataDir, boolean demo) {
        Path data = dataDir.toAbsolutePath().normalize();
        if (demo) {
            return new AuditHeadFile(data.resolve(AuditHeadFile.DEMO_FILE_NAME));
        }
        return new AuditHeadFile(settings.headFile().orElse(data.resolve(AuditHeadFile.FILE_NAME)));
    }

    /** The journal's own chain head (hall kiosks, ADR 0163): {@value #JOURNAL_HEAD_FILE} beside the store's head. */
    public static AuditHeadFile journalHeadFile(AuditSettings settings, Path dataDir, boolean demo) {
        return new AuditHeadFile(headFile(settings, dataDir, demo).path().resolveSibling(JOURNAL_HEAD_FILE));
    }

    /** The journal chain's head file name (ADR 0163). */
    public static final String JOURNAL_HEAD_FILE = "kiosk-journal.head";

    private static AuditTrailSetup resolve(AuditSettings settings, Path dataDir, boolean demo,
                                           UnaryOperator<String> environment, boolean create) {
        Path data = dataDir.toAbsolutePath().normalize();
        AuditHeadFile head = headFile(settings, dataDir, demo);
        if (demo) {
            Path file = data.resolve(DEMO_KEY_FILE);
            AuditTrailSetup setup = new AuditTrailSetup(create ? AuditKey.loadOrGenerate(file) : AuditKey.load(file),
                    head,
                    "the generated DEMO key " + file + " (demo only, not for a real kiosk)");
            if (create) {
                log.warn("audit trail keyed with {}", setup.origin());
            }
            return setup;
        }
        if (settings.keyFile().isPresent()) {
            Path file = settings.keyFile().get();
            return new AuditTrailSetup(AuditKey.load(file), head, "the key file " + file);
        }
        if (settings.keyVariable().isPresent()) {
            String name = settings.keyVariable().get();
            String value = Optional.ofNullable(environment.apply(name)).orElseThrow(() ->
                    new IllegalArgumentException("environment variable " + name + " (audit.keyEnv) is not set"));
            return new AuditTrailSetup(AuditKey.fromHex(value, "environment variable " + name), head,
                    "the environment variable " + name);
        }
        Path file = data.resolve(KEY_FILE);
        AuditTrailSetup setup = new AuditTrailSetup(create ? AuditKey.loadOrGenerate(file) : AuditKey.load(file), head,
                "the key " + file + " generated in the data directory");
        if (create) {
            log.warn("audit trail keyed with {}: it lies next to the data it protects; set audit.keyFile (on a path the"
                + " database's users cannot read) or audit.keyEnv in kiosk.yaml", setup.origin());
        }
        return setup;
    }
}
