package org.openkiosk.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.StoreConfig;

/**
 * The embedded store encrypted with the key from a systemd credential (ADR 0116): the file is AES-encrypted,
 * does not open with another key, and a store written before the key was set is encrypted in place.
 */
class StoreEncryptionTest {

    static final String MARKER = "MARKER-11010519491231002X";

    @TempDir
    Path dataDir;
    @TempDir
    Path credentials;

    @Test
    void withTheCredentialTheFileIsEncryptedAndOpensOnlyWithThatKey() throws Exception {
        Files.writeString(credentials.resolve(StoreKey.CREDENTIAL), "0123456789abcdef0123456789abcdef\n");
        StoreConfig embedded = new StoreConfig(Stores.EMBEDDED, null, null, null);
        try (Store store = Stores.open(embedded, dataDir, credentials.toString())) {
            assertThat(store.description()).endsWith("(encrypted)");
            write(store);
        }
        byte[] file = Files.readAllBytes(dataDir.resolve(Stores.EMBEDDED_FILE + ".mv.db"));
        assertThat(new String(file, 0, 9, StandardCharsets.US_ASCII)).isEqualTo("H2encrypt");
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain(MARKER);

        Files.writeString(credentials.resolve(StoreKey.CREDENTIAL), "ffffffffffffffffffffffffffffffff");
        assertThatThrownBy(() -> Stores.open(embedded, dataDir, credentials.toString()).close())
                .isInstanceOf(StoreException.class);
    }

    @Test
    void aPlainStoreIsEncryptedInPlaceWhenTheKeyAppears() throws Exception {
        StoreConfig embedded = new StoreConfig(Stores.EMBEDDED, null, null, null);
        try (Store store = Stores.open(embedded, dataDir, null)) {
            assertThat(store.description()).doesNotContain("encrypted");
            write(store);
        }
        Path db = dataDir.resolve(Stores.EMBEDDED_FILE + ".mv.db");
        assertThat(new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1)).contains(MARKER);

        Files.writeString(credentials.resolve(StoreKey.CREDENTIAL), "0123456789abcdef0123456789abcdef");
        try (Store store = Stores.open(embedded, dataDir, credentials.toString());
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT note FROM encryption_probe");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(MARKER);
        }
        assertThat(new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1)).doesNotContain(MARKER);
    }

    @Test
    void aShortKeyIsRefusedByName() throws Exception {
        Files.writeString(credentials.resolve(StoreKey.CREDENTIAL), "short");
        assertThatThrownBy(() -> StoreKey.fromCredentials(credentials.toString()))
                .isInstanceOf(StoreException.class).hasMessageContaining("at least 16 characters");
        assertThat(StoreKey.fromCredentials(null)).isEmpty();
    }

    private static void write(Store store) throws Exception {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE encryption_probe (note VARCHAR(64))");
            s.execute("INSERT INTO encryption_probe VALUES ('" + MARKER + "')");
        }
    }
}
