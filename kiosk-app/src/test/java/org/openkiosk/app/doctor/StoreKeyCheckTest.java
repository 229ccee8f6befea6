package org.openkiosk.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreKey;
import org.openkiosk.app.store.Stores;

/**
 * {@code kiosk doctor} on the embedded store's key (ADR 0186): found where the service gets it, readable by its
 * owner only, a usable key, and one that opens the existing store file; the key itself is never shown.
 */
class StoreKeyCheckTest {

    static final String KEY = "0123456789abcdef0123456789abcdef";
    static final String OTHER_KEY = "ffffffffffffffffffffffffffffffff";

    @TempDir
    Path tmp;

    private static KioskConfig production() throws Exception {
        return ConfigLoader.parse("kiosk.yaml", "kiosk:\n  id: K-9\n  hallId: H-9\n  hallName: {zh: 测试大厅, en: Test}\n"
                + "devices:\n  idReader: {driver: ga467, uri: \"serial:/dev/ttyUSB0?baud=115200\"}\n", name -> null);
    }

    private Path credentials(String key, String mode) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("credentials"));
        Path file = Files.writeString(dir.resolve(StoreKey.CREDENTIAL), key);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return dir;
    }

    /** A store file encrypted with {@link #KEY}, as the kiosk leaves it. */
    private Path encryptedStore() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path keyDir = Files.createDirectories(tmp.resolve("writer"));
        Files.writeString(keyDir.resolve(StoreKey.CREDENTIAL), KEY);
        try (Store ignored = Stores.open(new StoreConfig(Stores.EMBEDDED, null, null, null), data, keyDir.toString())) {
            // created, migrated and encrypted
        }
        return data;
    }

    private CheckResult check(Map<String, String> env, Path data) throws Exception {
        return new StoreKeyCheck(env::get, List.of(tmp.resolve("credstore.encrypted")),
                List.of(tmp.resolve("credstore").resolve(StoreKey.CREDENTIAL))).check(production(), data);
    }

    private static void keyNeverShown(CheckResult result) {
        assertThat(result.detail()).doesNotContain(KEY).doesNotContain(OTHER_KEY).doesNotContain("0123456789abcdef");
        assertThat(String.join("\n", result.notes())).doesNotContain(KEY).doesNotContain(OTHER_KEY);
    }

    @Test
    void theServicesCredentialThatOpensTheStorePasses() throws Exception {
        Path data = encryptedStore();
        CheckResult result = check(Map.of("CREDENTIALS_DIRECTORY", credentials(KEY, "r--------").toString()), data);
        assertThat(result.passed()).as(result.detail()).isTrue();
        assertThat(result.required()).isTrue();
        assertThat(result.detail()).contains("the service's credential").contains("opens " + data.resolve("kiosk-store.mv.db"));
        keyNeverShown(result);
    }

    @Test
    void aKeyThatDoesNotOpenTheStoreSaysSoWithoutShowingEitherKey() throws Exception {
        Path data = encryptedStore();
        CheckResult result = check(Map.of("CREDENTIALS_DIRECTORY", credentials(OTHER_KEY, "r--------").toString()), data);
        assertThat(result.passed()).isFalse();
        assertThat(result.blocking()).isTrue();
        assertThat(result.detail()).contains("does not open " + data.resolve("kiosk-store.mv.db"),
                "encrypted with another key", "the kept copy");
        keyNeverShown(result);
    }

    @Test
    void aKeyFileOthersMayReadFails() throws Exception {
        CheckResult result = check(Map.of("CREDENTIALS_DIRECTORY", credentials(KEY, "rw-r--r--").toString()),
                tmp.resolve("data"));
        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains("mode rw-r--r-- lets others read it — chmod 0400");
        keyNeverShown(result);
    }

    @Test
    void anEmptyOrShortKeyFails() throws Exception {
        CheckResult empty = check(Map.of("CREDENTIALS_DIRECTORY", credentials("\n", "r--------").toString()),
                tmp.resolve("data"));
        assertThat(empty.passed()).isFalse();
        assertThat(empty.detail()).endsWith("kiosk-store-key is empty");
        CheckResult shortKey = check(Map.of("CREDENTIALS_DIRECTORY", credentials("abc", "r--------").toString()),
                tmp.resolve("data"));
        assertThat(shortKey.passed()).isFalse();
        assertThat(shortKey.detail()).contains("must be at least 16 characters").doesNotContain("abc ");
    }

    @Test
    void noKeyAnywhereFailsAndSaysWhereItLooked() throws Exception {
        CheckResult result = check(Map.of(), tmp.resolve("data"));
        assertThat(result.passed()).isFalse();
        assertThat(result.blocking()).isTrue();
        assertThat(result.detail()).contains("no kiosk-store-key credential", "E-STORE-KEY", "docs/install.md");
        assertThat(result.notes()).singleElement().asString().contains("$CREDENTIALS_DIRECTORY (unset",
                tmp.resolve("credstore.encrypted").resolve(StoreKey.CREDENTIAL).toString(),
                tmp.resolve("credstore").resolve(StoreKey.CREDENTIAL).toString());
    }

    @Test
    void withoutAStoreFileOrWithAPlainOneAUsableKeyPasses() throws Exception {
        Path plainFile = Files.createDirectories(tmp.resolve("credstore"));
        Files.writeString(plainFile.resolve(StoreKey.CREDENTIAL), KEY);
        Files.setPosixFilePermissions(plainFile.resolve(StoreKey.CREDENTIAL), PosixFilePermissions.fromString("r--------"));
        CheckResult none = check(Map.of(), tmp.resolve("data"));
        assertThat(none.passed()).as(none.detail()).isTrue();
        assertThat(none.detail()).contains("the plain credential file", "(LoadCredential=)", "no store file yet");

        Path data = Files.createDirectories(tmp.resolve("plain-data"));
        try (Store ignored = Stores.open(new StoreConfig(Stores.EMBEDDED, null, null, null), data, null)) {
            // an unencrypted store, as before the key existed
        }
        CheckResult plain = check(Map.of(), data);
        assertThat(plain.passed()).as(plain.detail()).isTrue();
        assertThat(plain.detail()).contains("is not encrypted yet: the next start of the kiosk encrypts it in place");
        keyNeverShown(plain);
    }

    @Test
    void anEncryptedCredentialIsDecryptedWithSystemdCreds() throws Exception {
        Path data = encryptedStore();
        Path encrypted = Files.createDirectories(tmp.resolve("credstore.encrypted"));
        Files.writeString(encrypted.resolve(StoreKey.CREDENTIAL), "not really encrypted: the stand-in tool prints the key");
        Files.setPosixFilePermissions(encrypted.resolve(StoreKey.CREDENTIAL), PosixFilePermissions.fromString("rw-------"));
        // a stand-in for the OS tool (the real one needs the machine's TPM or host key)
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path tool = bin.resolve("systemd-creds");
        Files.writeString(tool, "#!/bin/sh\n[ \"$1\" = decrypt ] && [ \"$2\" = --name=kiosk-store-key ] && [ \"$4\" = - ]"
                + " && printf '%s\\n' " + KEY + " && exit 0\necho \"Failed to decrypt\" >&2\nexit 1\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        CheckResult result = check(Map.of("PATH", bin.toString()), data);
        assertThat(result.passed()).as(result.detail()).isTrue();
        assertThat(result.detail()).contains("the encrypted credential", "(LoadCredentialEncrypted=)", "opens");
        keyNeverShown(result);

        Files.writeString(tool, "#!/bin/sh\necho 'Failed to decrypt credential: Permission denied' >&2\nexit 1\n");
        CheckResult refused = check(Map.of("PATH", bin.toString()), data);
        assertThat(refused.passed()).isFalse();
        assertThat(refused.detail()).contains("cannot be decrypted here (systemd-creds exit 1: Failed to decrypt"
                + " credential: Permission denied) — run the doctor as root");
        CheckResult noTool = check(Map.of("PATH", tmp.resolve("nothing").toString()), data);
        assertThat(noTool.detail()).contains("systemd-creds is not installed");
    }

    @Test
    void aDemoConfigurationOrATestInstallationIsNotHeldUpByTheKey() throws Exception {
        KioskConfig demo = org.openkiosk.app.runtime.KioskConfiguration
                .load(Path.of("..", "config").toAbsolutePath().normalize()).kiosk();
        CheckResult result = new StoreKeyCheck(name -> null, List.of(), List.of()).check(demo, tmp.resolve("data"));
        assertThat(result.required()).isFalse();
        assertThat(result.detail()).contains("a demo configuration with sim: devices");
        KioskConfig test = ConfigLoader.parse("kiosk.yaml", "kiosk:\n  id: K-9\n  hallId: H-9\n  hallName: {zh: 测试大厅,"
                + " en: Test}\n  testInstallation: true\n", name -> null);
        assertThat(StoreKeyCheck.needed(test)).isFalse();
        assertThat(StoreKeyCheck.needed(production())).isTrue();
    }
}
