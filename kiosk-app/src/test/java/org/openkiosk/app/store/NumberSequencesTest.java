package org.openkiosk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared counters on both databases a store runs on: {@link NumberSequences#advanceTo} (ADR 0198) moves a counter
 * that is behind a number known to be issued, never down, and creates one the database lost.
 */
class NumberSequencesTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path tempDir;

    @Test
    void onH2() throws Exception {
        advancesOnlyForward(StoreBackend.h2());
    }

    @Test
    void onPostgres() throws Exception {
        advancesOnlyForward(POSTGRES.backend());
    }

    private static long next(Store store, String name) {
        return store.inTransaction(c -> NumberSequences.next(c, name));
    }

    private static long reserve(Store store, String name, int count) {
        return store.inTransaction(c -> NumberSequences.reserve(c, name, count));
    }

    private static boolean advanceTo(Store store, String name, long issued) {
        return store.inTransaction(c -> NumberSequences.advanceTo(c, name, issued));
    }

    private void advancesOnlyForward(StoreBackend backend) throws Exception {
        String name = NumberSequences.ticketSequence("H-1", LocalDate.of(2026, 11, 24), "exit-entry");
        assertThat(name).isEqualTo("ticket:H-1:2026-11-24:exit-entry");
        try (Store store = backend.open(backend.newStoreConfig(tempDir), tempDir)) {
            assertThat(next(store, name)).isEqualTo(1L);
            assertThat(advanceTo(store, name, 14)).isTrue();
            assertThat(next(store, name)).isEqualTo(15L);
            assertThat(advanceTo(store, name, 9)).isFalse();
            assertThat(advanceTo(store, name, 15)).isFalse();
            assertThat(reserve(store, name, 5)).isEqualTo(16L);
            assertThat(next(store, name)).isEqualTo(21L);

            String lost = name + ":lost";
            assertThat(advanceTo(store, lost, 22)).isTrue();
            assertThat(next(store, lost)).isEqualTo(23L);
        }
    }
}
