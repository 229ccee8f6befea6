package org.openkiosk.app.store.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.files.DirectoryTree;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreException;
import org.openkiosk.app.store.Stores;

/**
 * A hall kiosk's journal opened by a technician's command (ADR 0164, 0177): for reading, the consistent copy a
 * running kiosk makes over its socket, else the file itself; for changing, only the file (the kiosk must be stopped:
 * it holds the file while it runs). Closing deletes a copy.
 */
public final class JournalReading implements AutoCloseable {

    private final Store store;
    private final Path copyDir;
    private final boolean fromRunningKiosk;

    private JournalReading(Store store, Path copyDir, boolean fromRunningKiosk) {
        this.store = store;
        this.copyDir = copyDir;
        this.fromRunningKiosk = fromRunningKiosk;
    }

    /**
     * The journal to read: a running kiosk's copy, or the file.
     *
     * @return empty when this data directory has no journal (not a hall kiosk, or no record yet)
     * @throws StoreException when a running kiosk gives no copy, or the file cannot be opened
     */
    public static Optional<JournalReading> forReading(Path dataDir) {
        Path copyDir = null;
        try {
            copyDir = Files.createTempDirectory("kiosk-journal-read");
            Optional<Path> copy = JournalSnapshots.fetch(dataDir, copyDir);
            if (copy.isPresent()) {
                return Optional.of(new JournalReading(Stores.open(new StoreConfig(Stores.EMBEDDED,
                        copy.get().toString(), null, null), copyDir), copyDir, true));
            }
            delete(copyDir);
        } catch (IOException e) {
            delete(copyDir);
            throw new StoreException("the running kiosk did not give a copy of its journal: " + e.getMessage()
                    + " (run as the kiosk user, or stop the kiosk)", e);
        }
        return forChanging(dataDir);
    }

    /**
     * The journal file itself, to change it; the kiosk must be stopped.
     *
     * @return empty when this data directory has no journal
     * @throws StoreException when it cannot be opened (e.g. the kiosk runs and holds it)
     */
    public static Optional<JournalReading> forChanging(Path dataDir) {
        Path file = dataDir.resolve(JournalForwarding.JOURNAL_FILE);
        if (!Files.exists(dataDir.resolve(JournalForwarding.JOURNAL_FILE + ".mv.db"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JournalReading(Stores.open(new StoreConfig(Stores.EMBEDDED, file.toString(), null,
                    null), dataDir), null, false));
        } catch (StoreException e) {
            throw new StoreException("the journal " + file + ".mv.db cannot be opened: " + e.getMessage()
                    + " (the kiosk holds it while it runs: stop it first)", e);
        }
    }

    public Store store() {
        return store;
    }

    /** True when this is a copy the running kiosk made. */
    public boolean fromRunningKiosk() {
        return fromRunningKiosk;
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            delete(copyDir);
        }
    }

    private static void delete(Path dir) {
        try {
            DirectoryTree.delete(dir);
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}
