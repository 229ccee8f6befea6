package org.openkiosk.app.cli.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.config.AuditSettings;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.files.DirectoryTree;
import org.openkiosk.app.runtime.AuditTrailSetup;
import org.openkiosk.app.runtime.DefaultKioskRuntime;
import org.openkiosk.app.service.audit.AuditArchive;
import org.openkiosk.app.service.audit.AuditArchiveCut;
import org.openkiosk.app.service.audit.AuditArchiveException;
import org.openkiosk.app.service.audit.AuditArchiveFile;
import org.openkiosk.app.service.audit.AuditHead;
import org.openkiosk.app.service.audit.AuditHeadFile;
import org.openkiosk.app.service.audit.AuditKey;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.service.audit.AuditVerification;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreException;
import org.openkiosk.app.store.Stores;
import org.openkiosk.app.store.journal.JournalForwarding;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiosk audit verify}, {@code kiosk audit archive} and {@code kiosk audit keygen}: the keyed audit trail (ADR
 * 0062, 0064, 0176).
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Check the tamper-evident audit trail; archive its oldest records; create its key.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Archive.class, AuditCommand.Keygen.class})
public final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Walk the keyed chain and check it against the head published outside the database;",
                    "exit 0 when intact, 1 naming the first broken record and the kind of break,",
                    "2 when the audit key or the head file cannot be used."})
    static final class Verify implements Callable<Integer> {

        @Mixin
        StoreOptions options;

        @Option(names = "--head", paramLabel = "FILE",
                description = "the published chain head to check against, e.g. a copy kept off the kiosk or the fleet"
                        + " link's retained audit-head/store or audit-head/journal message saved to a file (default: the"
                        + " kiosk's head file, audit.headFile or audit.head in the data directory; with --journal "
                        + AuditTrailSetup.JOURNAL_HEAD_FILE + " beside it)")
        Path headFile;

        @Option(names = "--key-file", paramLabel = "FILE",
                description = "the audit key (default: audit.keyFile or audit.keyEnv of kiosk.yaml, else audit.key in"
                        + " the data directory)")
        Path keyFile;

        @Option(names = "--demo", description = "check the demo store with the demo key and head")
        boolean demo;

        @Option(names = "--journal", description = "check the chain in this hall kiosk's journal (DATA/"
                + JournalForwarding.JOURNAL_FILE + ".mv.db, ADR 0160) instead of the store; while the kiosk runs, a"
                + " consistent copy it makes on request (run as the kiosk user, ADR 0164)")
        boolean journal;

        @Option(names = "--archive", paramLabel = "FILE",
                description = "an archive of the oldest records made by `kiosk audit archive` (repeatable): its records"
                        + " are walked too, and it must be complete and unchanged; without it the archived records are"
                        + " vouched for by the signed cut stored in the database only")
        List<Path> archives = new ArrayList<>();

        /** Where a running kiosk's journal snapshot was unpacked; deleted after the check. */
        private Path snapshotDir;
        private boolean fromRunningKiosk;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                return verify();
            } finally {
                deleteSnapshot();
            }
        }

        private Integer verify() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Store store = open()) {
                if (fromRunningKiosk) {
                    out.println("the kiosk is running: checking a consistent copy of its journal it made just now");
                }
                AuditKey key;
                Optional<AuditHead> head;
                try {
                    KeyAndHead given = keyAndHead(options, keyFile, headFile, journal, demo);
                    key = given.key();
                    head = given.head();
                    out.println(head.isPresent()
                            ? "checking against the published head " + given.file() + " (record " + head.get().seq()
                                    + ", signed by kiosk " + head.get().kioskId() + " at " + head.get().at() + ")"
                            : "no published head at " + given.file() + ": removal of the newest records cannot be ruled out"
                                    + " (give --head FILE with a copy kept off the kiosk)");
                } catch (IllegalArgumentException | IOException e) {
                    err.println("audit verify: " + e.getMessage());
                    return ExitCodes.BAD_CONFIGURATION;
                }
                List<AuditArchiveFile> archiveFiles = new ArrayList<>();
                for (Path archive : archives) {
                    try {
                        archiveFiles.add(AuditArchiveFile.read(archive));
                    } catch (IOException | IllegalArgumentException e) {
                        err.println("audit verify: cannot read the archive " + archive + ": " + e.getMessage());
                        return ExitCodes.BAD_CONFIGURATION;
                    }
                }
                AuditVerification result = new AuditLog(store, Clock.systemUTC(), "cli", key, Optional.empty())
                        .verify(head, archiveFiles);
                for (AuditArchiveCut cut : result.uncheckedArchives()) {
                    out.println("records " + cut.fromSeq() + "–" + cut.throughSeq() + " were archived on "
                            + cut.archivedAt() + " (archive SHA-256 " + cut.archiveSha256() + "): vouched for by the"
                            + " signed cut only; give --archive FILE to check them");
                }
                if (result.intact()) {
                    out.println("audit trail intact: " + result.recordsChecked() + " records verified with key "
                            + key.id() + (archiveFiles.isEmpty() ? "" : " (" + archiveFiles.size()
                            + " archive" + (archiveFiles.size() == 1 ? "" : "s") + " included)"));
                    return ExitCodes.OK;
                }
                AuditVerification.BrokenLink broken = result.firstBroken().orElseThrow();
                err.println("audit trail BROKEN at record " + broken.seq() + " (" + broken.kind() + "): "
                        + broken.reason());
                return ExitCodes.FAILURE;
            } catch (StoreException e) {
                return StoreCommand.fail(spec, e);
            }
        }

        private void deleteSnapshot() {
            if (snapshotDir != null) {
                try {
                    DirectoryTree.delete(snapshotDir);
                } catch (IOException e) {
                    // a temporary directory left behind
                }
            }
        }

        private Store open() {
            if (journal) {
                try {
                    snapshotDir = Files.createTempDirectory("kiosk-journal-check");
                    Optional<Path> copy = org.openkiosk.app.store.journal.JournalSnapshots.fetch(
                            options.dataDirectory(), snapshotDir);
                    if (copy.isPresent()) {
                        fromRunningKiosk = true;
                        return Stores.open(new StoreConfig(Stores.EMBEDDED, copy.get().toString(), null, null),
                                snapshotDir);
                    }
                } catch (IOException e) {
                    throw new StoreException("the running kiosk did not give a copy of its journal: " + e.getMessage()
                            + " (run as the kiosk user, or stop the kiosk)", e);
                }
                return openJournalFile(options);
            }
            if (!demo) {
                return options.open();
            }
            Path file = options.dataDirectory().resolve(DefaultKioskRuntime.DEMO_STORE_FILE);
            return Stores.open(new StoreConfig(Stores.EMBEDDED, file.toString(), null, null), options.dataDirectory());
        }
    }

    /**
     * The audit key and the published head a command checks the chain against.
     *
     * @param file the head file read (given, or the kiosk's)
     */
    record KeyAndHead(AuditKey key, AuditHeadFile file, Optional<AuditHead> head) {}

    /**
     * {@code --key-file} or kiosk.yaml's audit key; {@code --head} or the kiosk's head file (the journal's chain has its
     * own, ADR 0163, beside the store's).
     *
     * @throws IllegalArgumentException when the key cannot be used, or the head file given does not exist
     */
    static KeyAndHead keyAndHead(StoreOptions options, Path keyFile, Path headFile, boolean journal, boolean demo)
            throws IOException {
        AuditSettings settings = options.auditSettings();
        AuditKey key = keyFile != null ? AuditKey.load(keyFile.toAbsolutePath())
                : AuditTrailSetup.existing(settings, options.dataDirectory(), demo, System::getenv).key();
        AuditHeadFile given = headFile != null ? new AuditHeadFile(headFile)
                : journal ? AuditTrailSetup.journalHeadFile(settings, options.dataDirectory(), demo)
                : AuditTrailSetup.headFile(settings, options.dataDirectory(), demo);
        Optional<AuditHead> head = given.read();
        if (head.isEmpty() && headFile != null) {
            throw new IllegalArgumentException("the head file " + headFile + " does not exist");
        }
        return new KeyAndHead(key, given, head);
    }

    /** A hall kiosk's journal file (DATA/journal.mv.db) opened as a store: the kiosk must be stopped. */
    static Store openJournalFile(StoreOptions options) {
        Path file = options.dataDirectory().resolve(JournalForwarding.JOURNAL_FILE);
        if (!Files.exists(options.dataDirectory().resolve(JournalForwarding.JOURNAL_FILE + ".mv.db"))) {
            throw new StoreException("no journal at " + file + ".mv.db (only kiosks with store type postgresql keep"
                    + " one)");
        }
        return Stores.open(new StoreConfig(Stores.EMBEDDED, file.toString(), null, null), options.dataDirectory());
    }


    @Command(name = "archive", mixinStandardHelpOptions = true,
            description = {"Archive the audit records older than the retention to a new file in --out, then delete",
                    "them from the database (ADR 0067, 0176). The chain is verified first; the archive is read back",
                    "and verified before anything is deleted; a signed cut left in the database anchors the records",
                    "that remain. Keep the archive (and a copy of the key) off the kiosk. Exit 0 done or nothing to",
                    "archive, 1 refused (nothing deleted), 2 bad key/head/options, 3 store unreachable."})
    static final class Archive implements Callable<Integer> {

        @Mixin
        StoreOptions options;

        @Option(names = "--out", paramLabel = "DIR", required = true,
                description = "the directory the archive file is written to (created; a file is never overwritten)")
        Path outDir;

        @Option(names = "--older-than", paramLabel = "DAYS", defaultValue = "190",
                description = "archive records written more than DAYS days ago (default ${DEFAULT-VALUE};"
                        + " at least 180: records younger than six months are kept, ADR 0067)")
        long olderThanDays;

        @Option(names = "--head", paramLabel = "FILE",
                description = "the published head to check the chain against first (default: the kiosk's head file)")
        Path headFile;

        @Option(names = "--key-file", paramLabel = "FILE",
                description = "the audit key (default: audit.keyFile or audit.keyEnv of kiosk.yaml, else audit.key in"
                        + " the data directory)")
        Path keyFile;

        @Option(names = "--journal", description = "archive the chain in this hall kiosk's journal (DATA/"
                + JournalForwarding.JOURNAL_FILE + ".mv.db; stop the kiosk first) instead of the store's")
        boolean journal;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            AuditKey key;
            Optional<AuditHead> head;
            try {
                KeyAndHead given = keyAndHead(options, keyFile, headFile, journal, false);
                key = given.key();
                head = given.head();
            } catch (IllegalArgumentException | IOException e) {
                err.println("audit archive: " + e.getMessage());
                return ExitCodes.BAD_CONFIGURATION;
            } catch (StoreException e) {
                return StoreCommand.fail(spec, e);
            }
            java.time.Duration keep = java.time.Duration.ofDays(olderThanDays);
            if (keep.compareTo(AuditArchive.MINIMUM_AGE) < 0) {
                err.println("audit archive: --older-than " + olderThanDays + " would delete records younger than "
                        + AuditArchive.MINIMUM_AGE.toDays() + " days; they are kept at least six months (ADR 0067)");
                return ExitCodes.BAD_CONFIGURATION;
            }
            try (Store store = open()) {
                AuditArchive.Outcome outcome = new AuditArchive(store, key, Clock.systemUTC())
                        .archive(journal ? "journal" : "store", keep, outDir, head);
                if (outcome.cut().isEmpty()) {
                    out.println("nothing to archive: no record older than " + olderThanDays + " days");
                    return ExitCodes.OK;
                }
                AuditArchiveCut cut = outcome.cut().get();
                out.println("archived records " + cut.fromSeq() + "–" + cut.throughSeq() + " to "
                        + outcome.file().orElseThrow() + " (SHA-256 " + cut.archiveSha256() + "), verified, then"
                        + " deleted " + outcome.deleted() + " records from the database; the chain goes on from"
                        + " record " + (cut.throughSeq() + 1) + ". Keep the archive off the kiosk: check it with"
                        + " `kiosk audit verify" + (journal ? " --journal" : "") + " --archive " + outcome.file()
                        .orElseThrow() + "`");
                return ExitCodes.OK;
            } catch (AuditArchiveException e) {
                err.println("audit archive: " + e.getMessage());
                return ExitCodes.FAILURE;
            } catch (StoreException e) {
                return StoreCommand.fail(spec, e);
            }
        }

        private Store open() {
            if (!journal) {
                return options.open();
            }
            try {
                return openJournalFile(options);
            } catch (StoreException e) {
                throw new StoreException(e.getMessage() + " (stop the kiosk before archiving its journal)", e);
            }
        }
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = {"Create a new audit key file, readable and writable only by the user running this",
                    "(run it as the kiosk user); name it in kiosk.yaml as audit.keyFile. Never overwrites a key."})
    static final class Keygen implements Callable<Integer> {

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "the key file to create")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Path file = out.toAbsolutePath().normalize();
            if (Files.exists(file)) {
                spec.commandLine().getErr().println("audit keygen: " + file + " exists; an audit key is never"
                        + " replaced (records keyed with it could no longer be verified)");
                return ExitCodes.BAD_CONFIGURATION;
            }
            try {
                AuditKey key = AuditKey.loadOrGenerate(file);
                spec.commandLine().getOut().println("audit key " + key.id() + " written to " + file
                        + " (mode 600); in kiosk.yaml:  audit: { keyFile: " + file + " }");
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("audit keygen: " + e.getMessage());
                return ExitCodes.FAILURE;
            }
        }
    }
}
