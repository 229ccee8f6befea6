package org.openkiosk.app.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.service.support.HallKiosk;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;
import org.openkiosk.testsupport.EmbeddedPostgresServer;
import org.openkiosk.testsupport.Poll;
import org.openkiosk.testsupport.TcpProxy;

/**
 * Faults between a kiosk's journal and the hall's PostgreSQL, with real processes: the server stopped mid-forward,
 * the network cut (a proxy the test cuts), a reply cut halfway, a kiosk that crashed between the hall's commit and
 * its own mark, duplicate sends. Afterwards the hall store holds every journal record exactly once.
 */
class HallForwardingFaultTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Shipper.Settings FAST = new Shipper.Settings(7, Duration.ofMillis(20), Duration.ofMillis(300));

    @TempDir
    Path tempDir;

    private final Clock clock = Clock.systemUTC();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private TcpProxy proxy;
    private Store hallStore;
    private Journal journal;
    private HallInbox inbox;

    @BeforeEach
    void kioskAndHall() throws Exception {
        String url = POSTGRES.server().newDatabase();
        proxy = open(TcpProxy.to("127.0.0.1", POSTGRES.server().port()));
        hallStore = open(Stores.open(PostgresServer.storeConfig(
                EmbeddedPostgresServer.throughPort(url, proxy.port())), tempDir));
        Store local = open(Stores.open(new StoreConfig(Stores.EMBEDDED, tempDir.resolve("journal").toString(), null,
                null), tempDir));
        journal = new Journal(local, clock, "K-07");
        inbox = HallInbox.standard(hallStore, clock, "H-1");
    }

    @AfterEach
    void closeAll() throws Exception {
        POSTGRES.server().start(); // a test that stopped it
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void aNetworkCutDelaysForwardingAndLosesNothing() {
        Shipper shipper = open(new Shipper(journal, inbox, clock, FAST).start());
        rate(20);
        awaitAllForwarded(shipper);

        proxy.cut();
        rate(30);
        ShipperStatus outage = Poll.value(PATIENCE, "the shipper notices the outage",
                () -> java.util.Optional.of(shipper.status()).filter(s -> !s.reachable()));
        assertThat(outage.waiting()).isPositive();

        proxy.restore();
        awaitAllForwarded(shipper);
        assertHallHoldsTheJournalExactlyOnce(50);
    }

    @Test
    void theDatabaseStoppedMidForwardTakesEverythingOnceWhenBack() throws Exception {
        Shipper shipper = open(new Shipper(journal, inbox, clock, FAST).start());
        rate(40);
        POSTGRES.server().stop(); // while the shipper is still forwarding the batches
        rate(25);
        Poll.until(PATIENCE, "the shipper notices the stopped server", () -> !shipper.status().reachable());

        POSTGRES.server().start();
        awaitAllForwarded(shipper);
        assertHallHoldsTheJournalExactlyOnce(65);
    }

    @Test
    void aReplyCutHalfwayIsSentAgainAndNotDoubled() {
        rate(30);
        proxy.cutRepliesAfter(60); // the hall commits, the kiosk may never hear it
        Shipper shipper = open(new Shipper(journal, inbox, clock, FAST).start());
        Poll.until(PATIENCE, "the cut", () -> !shipper.status().reachable() || shipper.status().waiting() == 0);
        proxy.restore();
        shipper.wake();
        awaitAllForwarded(shipper);
        assertHallHoldsTheJournalExactlyOnce(30);
    }

    @Test
    void aKioskThatCrashedAfterTheHallCommitSendsAgainWithoutDoubling() {
        rate(12);
        // the crashed kiosk's last act: the hall took the records, the journal never marked them
        assertThat(inbox.accept(journal.waiting(100))).isEqualTo(12);
        assertThat(journal.waitingCount()).isEqualTo(12);

        Shipper afterRestart = open(new Shipper(journal, inbox, clock, FAST).start());
        awaitAllForwarded(afterRestart);
        assertHallHoldsTheJournalExactlyOnce(12);
    }

    @Test
    void duplicateSendsAreTakenOnce() {
        rate(5);
        List<JournalRecord> batch = journal.waiting(100);
        assertThat(inbox.accept(batch)).isEqualTo(5);
        assertThat(inbox.accept(batch)).isZero();
        assertThat(inbox.accept(List.of(batch.get(2), batch.get(2)))).isZero();
        journal.markForwarded(batch, clock.instant());
        journal.markUnforwardedSince(batch.get(0).createdAt()); // as after a hall restore from a backup
        Shipper shipper = open(new Shipper(journal, inbox, clock, FAST).start());
        awaitAllForwarded(shipper);
        assertHallHoldsTheJournalExactlyOnce(5);
    }

    @Test
    void aHallStoreRestoredFromAnOlderBackupGetsTheMissingRecordsFromTheJournal() {
        Shipper shipper = open(new Shipper(journal, inbox, clock, FAST).start());
        rate(10);
        awaitAllForwarded(shipper);
        java.time.Instant backup = clock.instant();
        rate(15);
        awaitAllForwarded(shipper);
        // the restore: what arrived after the backup is gone from the hall store, the journal still has it
        hallStore.inTransaction(c -> {
            for (String table : List.of("rating", "hall_record")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE record_key IN"
                        + " (SELECT record_key FROM hall_record WHERE created_at >= ?)")) {
                    ps.setObject(1, java.time.OffsetDateTime.ofInstant(backup, java.time.ZoneOffset.UTC));
                    ps.executeUpdate();
                }
            }
            return null;
        });
        assertThat(column("SELECT record_key FROM rating")).hasSizeLessThan(25);

        journal.markUnforwardedSince(backup.minusSeconds(5)); // ./kiosk store reforward --since, with a margin
        shipper.wake();
        awaitAllForwarded(shipper);
        assertHallHoldsTheJournalExactlyOnce(25);
    }

    @Test
    void aShipperFindsTheHallStoreRestoredByItselfAndSendsWhatItLost() {
        Shipper shipper = open(new Shipper(journal, inbox, clock, FAST).start());
        rate(10);
        awaitAllForwarded(shipper);
        java.time.Instant backup = clock.instant();
        rate(15);
        awaitAllForwarded(shipper);
        forgetSince(backup); // the restore; nobody runs ./kiosk store reforward

        rate(1); // the kiosk's next record: the hall store lacks the newest it had confirmed, so the lost go first
        awaitAllForwarded(shipper);
        assertHallHoldsTheJournalExactlyOnce(26);
        assertThat(shipper.status().reforwarded()).hasValueSatisfying(r -> assertThat(r.records()).isEqualTo(15));
        assertThat(shipper.status().describeRestore(java.time.ZoneOffset.UTC)).hasValueSatisfying(text -> assertThat(
                text).startsWith("the hall store lacked 15 records of this kiosk at ").doesNotContain("twice"));
    }

    @Test
    void aHallStoreWithNoneOfTheKiosksRecordsIsLeftToTheTechnician() {
        Shipper shipper = open(new Shipper(journal, inbox, clock, FAST).start());
        rate(5);
        awaitAllForwarded(shipper);
        forgetSince(java.time.Instant.EPOCH); // a new database, or a backup older than this kiosk

        rate(1);
        awaitAllForwarded(shipper); // forwarding goes on; nothing is sent again by itself
        assertThat(column("SELECT record_key FROM hall_record")).hasSize(1);
        assertThat(shipper.status().reforwarded()).isEmpty();
        journal.markUnforwardedSince(java.time.Instant.EPOCH); // ./kiosk store reforward --since
        shipper.wake();
        awaitAllForwarded(shipper);
        assertHallHoldsTheJournalExactlyOnce(6);
    }

    /** What a restore from a backup taken at {@code backup} does to the hall store: later receipts are gone. */
    private void forgetSince(java.time.Instant backup) {
        hallStore.inTransaction(c -> {
            for (String table : List.of("rating", "hall_record")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE record_key IN"
                        + " (SELECT record_key FROM hall_record WHERE created_at >= ?)")) {
                    ps.setObject(1, java.time.OffsetDateTime.ofInstant(backup, java.time.ZoneOffset.UTC));
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private void rate(int count) {
        for (int i = 0; i < count; i++) {
            int level = 1 + i % 5;
            journal.store().inTransaction(c -> journal.append(c, RecordKind.RATING,
                    Map.of("service", "exit-entry", "level", Integer.toString(level))));
        }
    }

    private void awaitAllForwarded(Shipper shipper) {
        Poll.until(PATIENCE, "every journal record forwarded", () -> {
            ShipperStatus s = shipper.status();
            return s.waiting() == 0 && s.reachable();
        });
    }

    private void assertHallHoldsTheJournalExactlyOnce(int expected) {
        List<String> journalKeys = journal.all().stream().map(JournalRecord::key).toList();
        assertThat(journalKeys).hasSize(expected).doesNotHaveDuplicates();
        List<String> receipts = column("SELECT record_key FROM hall_record ORDER BY record_key");
        List<String> ratings = column("SELECT record_key FROM rating ORDER BY record_key");
        assertThat(receipts).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(journalKeys);
        assertThat(ratings).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(journalKeys);
    }

    private List<String> column(String sql) {
        return HallKiosk.column(hallStore, sql);
    }

    private <T extends AutoCloseable> T open(T resource) {
        opened.add(resource);
        return resource;
    }
}
