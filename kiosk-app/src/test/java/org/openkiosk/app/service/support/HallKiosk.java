package org.openkiosk.app.service.support;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.service.CitizenServices;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.platform.EmbeddedServicePlatform;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;
import org.openkiosk.app.store.journal.ForwardNow;
import org.openkiosk.app.store.journal.HallInbox;
import org.openkiosk.app.store.journal.Journal;
import org.openkiosk.app.store.journal.Shipper;

/**
 * One kiosk of the demo hall wired as the runtime wires it (ADRs 0160, 0161, 0173): its services on the hall's
 * PostgreSQL (at {@code hallUrl}, e.g. through a test's proxy), its journal file under {@code dir} and a started
 * shipper. {@link #restart()} closes everything and opens it again on the same files, like a kiosk restarted.
 * {@code forwardHook} wraps the shipper's "forward now" for fault injection (e.g. cut the network right after the
 * local commit); the identity for none.
 */
public final class HallKiosk implements AutoCloseable {

    private final String hallUrl;
    private final Path dir;
    private final String kioskId;
    private final Clock clock;
    private final int walkInReserve;
    private final Shipper.Settings settings;
    private final UnaryOperator<ForwardNow> forwardHook;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final Store hall;
    private final Journal journal;
    private final Shipper shipper;
    private final CitizenServices services;
    private final RecordingReceiptPort receipts = new RecordingReceiptPort();

    private HallKiosk(String hallUrl, Path dir, String kioskId, Clock clock, int walkInReserve,
                      Shipper.Settings settings, UnaryOperator<ForwardNow> forwardHook) {
        this.hallUrl = hallUrl;
        this.dir = dir;
        this.kioskId = kioskId;
        this.clock = clock;
        this.walkInReserve = walkInReserve;
        this.settings = settings;
        this.forwardHook = forwardHook;
        try {
            hall = open(Stores.open(PostgresServer.storeConfig(hallUrl), dir));
            Store local = open(Stores.open(new StoreConfig(Stores.EMBEDDED, dir.resolve("journal-" + kioskId).toString(),
                    null, null), dir));
            journal = new Journal(local, clock, kioskId);
            shipper = open(new Shipper(journal, HallInbox.standard(hall, clock, DemoData.DEMO_HALL), clock, settings)
                    .start());
            services = new CitizenServices(hall, new EmbeddedServicePlatform(hall), catalogue(),
                    new FakeCertificateRenderer(), new ScriptedA4Printer(), receipts, clock, kioskId,
                    DemoData.DEMO_HALL);
            services.journalInto(journal, hall, walkInReserve, shipper::hallReachable,
                    forwardHook.apply(shipper::forwardNow));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static org.openkiosk.app.service.catalogue.ServiceCatalogue catalogue() {
        try {
            return new CatalogueLoader().loadDefault();
        } catch (org.openkiosk.app.service.catalogue.CatalogueException e) {
            throw new IllegalStateException("the default services.yaml does not load", e);
        }
    }

    public static HallKiosk open(String hallUrl, Path dir, String kioskId, Clock clock, int walkInReserve,
                                 Shipper.Settings settings, UnaryOperator<ForwardNow> forwardHook) {
        return new HallKiosk(hallUrl, dir, kioskId, clock, walkInReserve, settings, forwardHook);
    }

    public static HallKiosk open(String hallUrl, Path dir, String kioskId, Clock clock, int walkInReserve,
                                 Shipper.Settings settings) {
        return open(hallUrl, dir, kioskId, clock, walkInReserve, settings, UnaryOperator.identity());
    }

    /** Closes this kiosk (a forward in flight finishes) and opens it again on the same journal file. */
    public HallKiosk restart() {
        close();
        return open(hallUrl, dir, kioskId, clock, walkInReserve, settings, forwardHook);
    }

    public CitizenServices services() {
        return services;
    }

    public Journal journal() {
        return journal;
    }

    public Shipper shipper() {
        return shipper;
    }

    /** The hall store as this kiosk reaches it. */
    public Store hall() {
        return hall;
    }

    public RecordingReceiptPort receipts() {
        return receipts;
    }

    /** The first column of every row {@code sql} selects in {@code store}, as text (a test's look into the hall). */
    public static List<String> column(Store store, String sql) {
        return store.inTransaction(c -> {
            List<String> values = new ArrayList<>();
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql); java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        });
    }

    private <T extends AutoCloseable> T open(T resource) {
        opened.add(resource);
        return resource;
    }

    @Override
    public void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                throw new IllegalStateException("closing hall kiosk " + kioskId, e);
            }
        }
        opened.clear();
    }
}
