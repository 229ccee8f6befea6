package org.openkiosk.app.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.store.StoreException;
import org.openkiosk.app.store.StoreKey;
import org.openkiosk.app.store.Stores;

/**
 * {@code kiosk doctor} on the embedded store's key (ADR 0186): where the service will get the {@code
 * kiosk-store-key} credential (ADR 0116, 0119), that only its owner may read it, that it is a usable key, and that
 * it opens the existing store file. The key never appears in a result: a wrong key is named by its effect only.
 */
final class StoreKeyCheck {

    static final String LABEL = "store key";
    /** The service's user; with root, the only owners a key file may have. */
    static final String KIOSK_USER = "kiosk";
    /** The plain file of the docs' {@code LoadCredential=} fallback (docs/install.md "Store key"). */
    static final Path FALLBACK_FILE = Path.of("/etc/openkiosk", StoreKey.CREDENTIAL);
    /** Where systemd looks for a credential loaded by name: encrypted ({@code LoadCredentialEncrypted=}) … */
    static final List<Path> ENCRYPTED_STORES = List.of(Path.of("/etc/credstore.encrypted"),
            Path.of("/run/credstore.encrypted"), Path.of("/usr/lib/credstore.encrypted"));
    /** … and plain ({@code LoadCredential=}). */
    static final List<Path> PLAIN_STORES = List.of(Path.of("/etc/credstore"), Path.of("/run/credstore"),
            Path.of("/usr/lib/credstore"));
    static final String SYSTEMD_CREDS = "systemd-creds";

    private final UnaryOperator<String> environment;
    private final List<Path> encryptedStores;
    private final List<Path> plainFiles;

    StoreKeyCheck(UnaryOperator<String> environment) {
        this(environment, ENCRYPTED_STORES, plainFiles(PLAIN_STORES));
    }

    /** @param plainFiles plain key files in the order systemd (or the fallback drop-in) would load them */
    StoreKeyCheck(UnaryOperator<String> environment, List<Path> encryptedStores, List<Path> plainFiles) {
        this.environment = environment;
        this.encryptedStores = List.copyOf(encryptedStores);
        this.plainFiles = List.copyOf(plainFiles);
    }

    private static List<Path> plainFiles(List<Path> stores) {
        List<Path> files = new ArrayList<>();
        stores.forEach(d -> files.add(d.resolve(StoreKey.CREDENTIAL)));
        files.add(FALLBACK_FILE);
        return files;
    }

    /** Whether the configuration needs the key: a production kiosk on the embedded store (ADR 0119). */
    static boolean needed(KioskConfig config) {
        return Stores.type(config.store()).equals(Stores.EMBEDDED) && !config.kiosk().testInstallation();
    }

    /**
     * Whether a missing or wrong key blocks: not for a configuration with simulated devices, which {@code kiosk run}
     * refuses anyway (a demo configuration; the demo needs no key).
     */
    static boolean required(KioskConfig config) {
        return config.devices().values().stream().noneMatch(d -> d.uri().isSimulator());
    }

    CheckResult check(KioskConfig config, Path dataDir) {
        CheckResult result = checkKey(config, dataDir);
        return required(config) ? result : new CheckResult(LABEL, false, result.passed(), result.detail()
                + (result.passed() ? "" : " (a demo configuration with sim: devices: only `kiosk run` needs the key)"),
                result.notes());
    }

    private CheckResult checkKey(KioskConfig config, Path dataDir) {
        Path database = Stores.embeddedDatabaseFile(config.store(), dataDir);
        String credentials = environment.apply("CREDENTIALS_DIRECTORY");
        List<String> looked = new ArrayList<>();
        if (credentials != null && !credentials.isBlank()) {
            Path file = Path.of(credentials, StoreKey.CREDENTIAL);
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return plain(file, "the service's credential " + file, database);
            }
            looked.add(file.toString());
        } else {
            looked.add("$CREDENTIALS_DIRECTORY (unset: run outside the service)");
        }
        for (Path dir : encryptedStores) {
            Path file = dir.resolve(StoreKey.CREDENTIAL);
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return encrypted(file, database);
            }
            looked.add(file.toString());
        }
        for (Path file : plainFiles) {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return plain(file, "the plain credential file " + file + " (LoadCredential=)", database);
            }
            looked.add(file.toString());
        }
        return fail("no " + StoreKey.CREDENTIAL + " credential: the embedded store cannot be encrypted and `kiosk run`"
                + " stops with E-STORE-KEY — create it with systemd-creds (docs/install.md, \"Store key\")",
                List.of("looked in: " + String.join(", ", looked)));
    }

    private CheckResult plain(Path file, String source, Path database) {
        Optional<String> mode = modeProblem(file);
        if (mode.isPresent()) {
            return fail(source + ": " + mode.get(), List.of());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return fail(source + " cannot be read by this user (" + e.getClass().getSimpleName() + "): run the doctor"
                    + " as root or as " + KIOSK_USER, List.of());
        }
        return usable(bytes, source, database);
    }

    private CheckResult encrypted(Path file, Path database) {
        String source = "the encrypted credential " + file + " (LoadCredentialEncrypted=)";
        Optional<String> mode = modeProblem(file);
        if (mode.isPresent()) {
            return fail(source + ": " + mode.get(), List.of());
        }
        Optional<Path> tool = SystemChecks.findOnPath(SYSTEMD_CREDS, environment.apply("PATH"));
        if (tool.isEmpty()) {
            return fail(source + " is there, but " + SYSTEMD_CREDS + " is not installed to decrypt it", List.of());
        }
        byte[] key = null;
        Process p = null;
        try {
            p = new ProcessBuilder(tool.get().toString(), "decrypt", "--name=" + StoreKey.CREDENTIAL,
                    file.toString(), "-").redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            byte[] errors;
            try (var out = p.getInputStream(); var err = p.getErrorStream()) {
                key = out.readNBytes(4096);
                errors = err.readNBytes(2000);
            }
            if (!p.waitFor(Doctor.CHECK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                return fail(source + ": " + SYSTEMD_CREDS + " decrypt did not finish", List.of());
            }
            if (p.exitValue() != 0) {
                String said = new String(errors, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
                return fail(source + " cannot be decrypted here (" + SYSTEMD_CREDS + " exit " + p.exitValue()
                        + (said.isEmpty() ? "" : ": " + said) + ") — run the doctor as root; on another machine, a"
                        + " re-installed system or a replaced TPM the credential must be created again with the"
                        + " kept key", List.of());
            }
            byte[] decrypted = key;
            key = null; // usable() zeroes it
            return usable(decrypted, source, database);
        } catch (IOException e) {
            return fail(source + ": cannot run " + SYSTEMD_CREDS + ": " + e.getMessage(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(source + ": interrupted", List.of());
        } finally {
            // whatever way out (a failed read of stderr, an interrupted wait): no key bytes, no process left
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    /** Zeroes {@code bytes}. */
    private CheckResult usable(byte[] bytes, String source, Path database) {
        char[] key;
        try {
            key = StoreKey.fromBytes(bytes);
        } catch (StoreException e) {
            return fail(source + ": " + e.getMessage(), List.of());
        }
        try {
            return opens(key, source, database);
        } finally {
            Arrays.fill(key, '\0');
        }
    }

    private CheckResult opens(char[] key, String source, Path database) {
        if (!Files.exists(database)) {
            return pass(source + ": a usable key; no store file yet at " + database + " (the first start creates it"
                    + " encrypted)");
        }
        if (!encryptedFile(database)) {
            return pass(source + ": a usable key; " + database + " is not encrypted yet: the next start of the kiosk"
                    + " encrypts it in place with this key");
        }
        try {
            Stores.tryKey(database, key);
            return pass(source + ": opens " + database);
        } catch (java.sql.SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return pass(source + ": a usable key; " + database + " is open in the running kiosk (which opened it"
                        + " with its key), so it was not tried — stop the kiosk to try this key on the file");
            }
            if (e.getErrorCode() == org.h2.api.ErrorCode.FILE_ENCRYPTION_ERROR_1
                    || e.getErrorCode() == org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD
                    || e.getErrorCode() == org.h2.api.ErrorCode.FILE_CORRUPTED_1) {
                return fail(source + " does not open " + database + ": the file was encrypted with another key."
                        + " Put back the " + StoreKey.CREDENTIAL + " that encrypted it (the kept copy,"
                        + " docs/install.md \"Store key\"); a new key cannot read the existing store", List.of());
            }
            return fail(source + ": " + database + " cannot be opened to try the key (H2 error " + e.getErrorCode()
                    + ")", List.of());
        }
    }

    private static boolean encryptedFile(Path database) {
        try {
            return Stores.encrypted(database);
        } catch (IOException e) {
            return true; // let the open attempt say why
        }
    }

    /** A key file must be readable by its owner only, and owned by root or the kiosk user. */
    static Optional<String> modeProblem(Path file) {
        try {
            if (Files.isSymbolicLink(file)) {
                return Optional.of("is a symbolic link; it must be a plain file");
            }
            PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.of("is not a plain file");
            }
            Set<PosixFilePermission> open = new java.util.HashSet<>(attributes.permissions());
            open.removeAll(OWNER);
            if (!open.isEmpty()) {
                return Optional.of("mode " + PosixFilePermissions.toString(attributes.permissions()) + " lets others "
                        + "read it — chmod 0400 (owner " + attributes.owner().getName() + " only)");
            }
            String owner = attributes.owner().getName();
            if (!owner.equals("root") && !owner.equals(KIOSK_USER)) {
                return Optional.of("owned by " + owner + " — it must belong to root (or " + KIOSK_USER + "): chown"
                        + " root:root");
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("its permissions cannot be read (" + e.getMessage() + ")");
        }
    }

    private static final Set<PosixFilePermission> OWNER = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private static CheckResult pass(String detail) {
        return CheckResult.pass(LABEL, true, detail);
    }

    private static CheckResult fail(String detail, List<String> notes) {
        return new CheckResult(LABEL, true, false, detail, notes);
    }
}
