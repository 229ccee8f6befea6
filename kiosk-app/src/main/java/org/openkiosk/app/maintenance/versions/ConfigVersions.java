package org.openkiosk.app.maintenance.versions;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.files.DirectoryTree;
import org.openkiosk.app.runtime.ConfigurationChanges;

/**
 * The kept versions of the configuration directory (ADR 0126): numbered copies in {@code <config>.versions/} beside it
 * (the same file system, so the live directory is swapped in one rename), the number of the live one, and in the
 * data directory a marker for a newly applied configuration that has not yet started the kiosk.
 *
 * <p>A new configuration is "pending" until the kiosk starts serving with it. The start-up guard (run as root by the
 * unit before each start) finds a pending configuration whose previous start never got that far and puts the
 * previous version back, leaving {@link #ROLLED_BACK} for the fleet alarm.
 */
public final class ConfigVersions {

    /** In the configuration directory: the version label of an applied bundle, reported in the fleet state. */
    public static final String LABEL_FILE = "config-version";
    /** In the data directory: why the configuration was rolled back by itself (cleared by the next apply). */
    public static final String ROLLED_BACK = "config-rolled-back";
    /** Versions kept besides the live one. */
    public static final int KEPT = 5;
    static final String PENDING = "config-pending";
    private static final String PREVIOUS = "previous ";
    private static final String STARTED = "started";
    private static final String CURRENT = "current";

    private final Path configDir;
    private final Path store;
    private final Path dataDir;
    private final Clock clock;

    public ConfigVersions(Path configDir, Path dataDir, Clock clock) {
        this.configDir = configDir.toAbsolutePath().normalize();
        this.store = this.configDir.resolveSibling(this.configDir.getFileName() + ".versions");
        this.dataDir = dataDir;
        this.clock = clock;
    }

    /** A kept configuration: its number in the store and the version label it was applied with. */
    public record Version(int number, String label) {
        @Override
        public String toString() {
            return String.format("%04d %s", number, label);
        }
    }

    /** The live configuration's label: that of the bundle it came from, if any. */
    public static Optional<String> label(Path configDir) {
        try {
            return Optional.of(Files.readString(configDir.resolve(LABEL_FILE)).strip()).filter(s -> !s.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The kiosk's start-up check is done. With a newly applied configuration pending, serving confirms it; not
     * serving means the kiosk must end, so that the next start's guard puts the previous version back.
     *
     * @return true when the kiosk must end instead of waiting out of service
     */
    public static boolean endsForRollback(Path dataDir, boolean serving) throws IOException {
        if (!pending(dataDir)) {
            return false;
        }
        if (serving) {
            confirmStarted(dataDir);
            return false;
        }
        return true;
    }

    /** The kiosk starts serving: the applied configuration is a good one. */
    public static void confirmStarted(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(PENDING));
    }

    /** A configuration was applied and has not yet started the kiosk. */
    public static boolean pending(Path dataDir) {
        return Files.exists(dataDir.resolve(PENDING));
    }

    public Path store() {
        return store;
    }

    /** An empty directory beside the live one to unpack a new configuration into. */
    public Path freshStaging() throws IOException {
        createStore();
        Path staging = store.resolve(".staging");
        DirectoryTree.delete(staging);
        return Files.createDirectory(staging);
    }

    public List<Version> list() throws IOException {
        if (!Files.isDirectory(store)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(store)) {
            return dirs.filter(d -> d.getFileName().toString().matches("\\d{4}") && Files.isDirectory(d))
                    .map(d -> new Version(Integer.parseInt(d.getFileName().toString()), label(d).orElse("(no label)")))
                    .sorted(Comparator.comparingInt(Version::number)).toList();
        }
    }

    public Optional<Version> current() throws IOException {
        Path file = store.resolve(CURRENT);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        int number = Integer.parseInt(Files.readString(file).strip());
        return list().stream().filter(v -> v.number() == number).findFirst();
    }

    /**
     * Makes the (already validated) {@code staged} directory the live configuration: the live one is kept first if
     * it is not yet, the new one becomes the next version, and it is pending until the kiosk starts with it.
     */
    public Version install(Path staged) throws IOException {
        createStore();
        if (current().isEmpty()) {
            current(keep(configDir, next()));
        }
        Version before = current().orElseThrow();
        Version installed = keep(staged, next());
        swapIn(installed);
        DirectoryTree.delete(staged);
        prune(before.number());
        // the version that was live is what an automatic rollback puts back, even when it is not the newest kept one
        Files.writeString(dataDir.resolve(PENDING), installed + "\n" + PREVIOUS + before.number() + "\n");
        Files.deleteIfExists(dataDir.resolve(ROLLED_BACK));
        ConfigurationChanges.note(dataDir, clock.instant(), ConfigurationChanges.APPLIED, installed.toString());
        return installed;
    }

    /** Puts the version before the live one back; empty when there is none. */
    public Optional<Version> rollback() throws IOException {
        return rollback(ConfigurationChanges.ROLLED_BACK);
    }

    /** As {@link #rollback()}, noting {@code how} for the kiosk's audit trail (ADR 0068). */
    private Optional<Version> rollback(String how) throws IOException {
        Optional<Version> live = current();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        Optional<Version> previous = list().stream().filter(v -> v.number() < live.get().number())
                .max(Comparator.comparingInt(Version::number));
        if (previous.isPresent()) {
            swapIn(previous.get());
            Files.deleteIfExists(dataDir.resolve(PENDING));
            ConfigurationChanges.note(dataDir, clock.instant(), how, previous.get().toString());
        }
        return previous;
    }

    /**
     * Before each start (as root): a pending configuration whose last start did not reach serving is rolled back.
     *
     * @return what was done, for the journal; empty when nothing was
     */
    public Optional<String> guardStart() throws IOException {
        Path pending = dataDir.resolve(PENDING);
        if (!Files.exists(pending)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pending);
        if (!lines.contains(STARTED)) {
            Files.writeString(pending, STARTED + "\n", StandardOpenOption.APPEND);
            return Optional.empty();
        }
        String failed = lines.isEmpty() ? "(unknown)" : lines.get(0);
        Optional<Version> back = backTo(lines);
        if (back.isEmpty()) {
            back = rollback(ConfigurationChanges.ROLLED_BACK_AUTOMATICALLY);
        }
        Files.deleteIfExists(pending);
        String message = "CONFIG_ROLLED_BACK configuration " + failed + " did not start the kiosk; "
                + back.map(v -> "rolled back to " + v).orElse("no earlier version kept, left as it is");
        Path marker = dataDir.resolve(ROLLED_BACK);
        Files.writeString(marker, clock.instant() + " " + message + "\n");
        // written as root under the unit's UMask=0027; the kiosk (another user) reads it for the fleet alarm
        Files.setPosixFilePermissions(marker, PosixFilePermissions.fromString("rw-r--r--"));
        return Optional.of(message);
    }

    /** The version live before the pending apply, when it is still kept: swapped back in. */
    private Optional<Version> backTo(List<String> pendingLines) throws IOException {
        Optional<Integer> number = pendingLines.stream().filter(l -> l.startsWith(PREVIOUS))
                .map(l -> Integer.parseInt(l.substring(PREVIOUS.length()).strip())).findFirst();
        if (number.isEmpty()) {
            return Optional.empty();
        }
        Optional<Version> kept = list().stream().filter(v -> v.number() == number.get()).findFirst();
        if (kept.isPresent()) {
            swapIn(kept.get());
            ConfigurationChanges.note(dataDir, clock.instant(), ConfigurationChanges.ROLLED_BACK_AUTOMATICALLY,
                    kept.get().toString());
        }
        return kept;
    }

    private int next() throws IOException {
        return list().stream().mapToInt(Version::number).max().orElse(0) + 1;
    }

    private Version keep(Path from, int number) throws IOException {
        Path to = store.resolve(String.format("%04d", number));
        copyTree(from, to);
        return new Version(number, label(to).orElse("(no label)"));
    }

    /** A copy of the kept version takes the live directory's place in one exchange; the old live copy goes. */
    private void swapIn(Version version) throws IOException {
        Path incoming = store.resolve(".incoming");
        DirectoryTree.delete(incoming);
        copyTree(store.resolve(String.format("%04d", version.number())), incoming);
        DirectoryExchange.exchange(incoming, configDir);
        DirectoryTree.delete(incoming);
        current(version);
    }

    private void current(Version version) throws IOException {
        Path tmp = store.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, version.number() + "\n");
        Files.move(tmp, store.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Keeps the newest versions, the live one and {@code previous} (what an automatic rollback puts back). */
    private void prune(int previous) throws IOException {
        int live = current().map(Version::number).orElse(0);
        List<Version> all = list();
        for (Version v : all.subList(0, Math.max(0, all.size() - KEPT - 1))) {
            if (v.number() != live && v.number() != previous) {
                DirectoryTree.delete(store.resolve(String.format("%04d", v.number())));
            }
        }
    }

    private void createStore() throws IOException {
        if (!Files.isDirectory(store)) {
            // the kept versions hold private keys: only their owner (root on a kiosk) reads them
            Files.createDirectories(store);
            Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Copies with permissions and owners; private keys come out readable by their owner and the kiosk group only. */
    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            throw new FileAlreadyExistsException(to.toString());
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    if (source.getFileName().toString().endsWith(CertificateKeys.PRIVATE_SUFFIX)) {
                        protectPrivateKey(target);
                    }
                }
            }
        }
    }

    private static void protectPrivateKey(Path key) throws IOException {
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));
        try {
            GroupPrincipal kiosk = key.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("kiosk");
            Files.getFileAttributeView(key, PosixFileAttributeView.class).setGroup(kiosk);
        } catch (IOException e) {
            // no kiosk group (a development machine) or not allowed to change it: owner and group as they were
        }
    }

}
