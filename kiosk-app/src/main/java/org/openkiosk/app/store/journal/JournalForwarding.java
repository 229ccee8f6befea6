package org.openkiosk.app.store.journal;

import java.nio.file.Path;
import java.time.Clock;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreException;
import org.openkiosk.app.store.Stores;

/**
 * A hall kiosk's journal and its shipper, opened and closed together (ADR 0160): the journal is the H2 file
 * {@value #JOURNAL_FILE} under the data directory; the shipper forwards it to the hall store.
 */
public final class JournalForwarding implements AutoCloseable {

    /** File name (without H2's {@code .mv.db}) of the journal under the data directory. */
    public static final String JOURNAL_FILE = "kiosk-journal";

    private final Store local;
    private final Journal journal;
    private final Shipper shipper;
    private java.util.Optional<JournalSnapshots> snapshots = java.util.Optional.empty();

    private JournalForwarding(Store local, Journal journal, Shipper shipper) {
        this.local = local;
        this.journal = journal;
        this.shipper = shipper;
    }

    /**
     * Lets {@code ./kiosk audit verify --journal} read a consistent copy of the journal while the kiosk runs (ADR
     * 0164). A socket that cannot be opened only costs that: the kiosk runs on and says so.
     */
    public JournalForwarding serveSnapshots(Path dataDir) {
        try {
            snapshots = java.util.Optional.of(JournalSnapshots.serve(local, dataDir));
        } catch (java.io.IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(JournalForwarding.class).warn("the journal cannot be offered to"
                    + " ./kiosk audit verify --journal while the kiosk runs: {}", e.toString());
        }
        return this;
    }

    /**
     * Opens the journal and starts forwarding to {@code hall}.
     *
     * @throws StoreException the journal file cannot be opened (e.g. another process holds it)
     */
    public static JournalForwarding start(StoreConfig hallConfig, Store hall, Path dataDir, Clock clock,
                                          String kioskId, String hallId) {
        Store local = Stores.open(new StoreConfig(Stores.EMBEDDED, dataDir.resolve(JOURNAL_FILE).toString(), null,
                null), dataDir);
        try {
            Journal journal = new Journal(local, clock, kioskId);
            Shipper.Settings defaults = Shipper.Settings.defaults();
            Shipper shipper = new Shipper(journal, HallInbox.standard(hall, clock, hallId), clock,
                    new Shipper.Settings(defaults.batchSize(), defaults.retryMin(), hallConfig.forwardRetryMax()));
            return new JournalForwarding(local, journal, shipper.start());
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    public Journal journal() {
        return journal;
    }

    public Shipper shipper() {
        return shipper;
    }

    @Override
    public void close() {
        snapshots.ifPresent(JournalSnapshots::close);
        shipper.close();
        local.close();
    }
}
