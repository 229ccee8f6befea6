package org.openkiosk.app.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The repository's demo configuration, copied so a test may write {@code services.yaml} into it. */
public final class RuntimeFixtures {

    private RuntimeFixtures() {}

    public static Path copyOfRepositoryConfig(Path target) throws IOException {
        Path source = Paths.get("..", "config").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.deleteIfExists(target.resolve("services.yaml")); // the runtime writes the built-in one
        return target;
    }

    /**
     * A hall kiosk's configuration: the repository's, copied to {@code configDir} ({@link #copyOfRepositoryConfig}),
     * with its store replaced by {@code hall}.
     */
    public static org.openkiosk.app.config.KioskConfig hallKiosk(Path configDir,
                                                                org.openkiosk.app.config.StoreConfig hall)
            throws Exception {
        return onStore(org.openkiosk.app.config.ConfigLoader.load(copyOfRepositoryConfig(configDir)), hall);
    }

    /** {@code config} with its store replaced by {@code store}. */
    public static org.openkiosk.app.config.KioskConfig onStore(org.openkiosk.app.config.KioskConfig config,
                                                              org.openkiosk.app.config.StoreConfig store) {
        return new org.openkiosk.app.config.KioskConfig(config.kiosk(), config.ui(), config.devices(), store,
                config.maintenance(), config.audit(), config.fleet(), config.ratingsTarget());
    }

    /** {@code config} with its A4 printer the {@code ipp} driver on a real IPP printer (e.g. an ippeveprinter). */
    public static org.openkiosk.app.config.KioskConfig printingTo(org.openkiosk.app.config.KioskConfig config,
                                                                 String ippUri) {
        return printingTo(config, ippUri, java.util.Map.of());
    }

    /** As {@link #printingTo(org.openkiosk.app.config.KioskConfig, String)}, with the driver's device options. */
    public static org.openkiosk.app.config.KioskConfig printingTo(org.openkiosk.app.config.KioskConfig config,
                                                                 String ippUri, java.util.Map<String, String> options) {
        java.util.Map<String, org.openkiosk.app.config.DeviceConfig> devices =
                new java.util.LinkedHashMap<>(config.devices());
        devices.put(org.openkiosk.app.config.KioskConfig.A4_PRINTER, new org.openkiosk.app.config.DeviceConfig("ipp",
                org.openkiosk.device.transport.TransportUri.parse("cups:" + ippUri), false, options));
        return new org.openkiosk.app.config.KioskConfig(config.kiosk(), config.ui(), devices, config.store(),
                config.maintenance(), config.audit(), config.fleet(), config.ratingsTarget());
    }

    /**
     * Gives the kiosk {@code kioskId} a signing key of its own in {@code configDir} (as {@code ./kiosk certificate
     * keygen} does), so that it prints certificates outside demo mode: the repository's DEMO key is refused there.
     */
    public static void ownSigningKey(Path configDir, String kioskId) throws IOException {
        String keyId = kioskId + "-2026";
        org.openkiosk.app.certificate.CertificateKeys.generate(configDir.resolve("keys"), keyId, "test kiosk key");
        Files.writeString(configDir.resolve(org.openkiosk.app.certificate.SigningConfig.FILE_NAME),
                "mode: kiosk-signed\nsigningKey: keys/" + keyId + ".private.pem\ntrustedKeys: keys\n");
    }

    /** The one number a {@code SELECT COUNT(*)} gives in {@code store}. */
    public static int count(org.openkiosk.app.store.Store store, String countQuery) {
        return store.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery(countQuery)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** The hall's certificate print rows, oldest first, each as {@code OUTCOME:reconciliation} (ADR 0165). */
    public static java.util.List<String> printRows(org.openkiosk.app.store.Store store) {
        return store.inTransaction(c -> {
            java.util.List<String> rows = new java.util.ArrayList<>();
            try (var rs = c.createStatement().executeQuery(
                    "SELECT outcome, reconciliation FROM certificate_print ORDER BY id")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + ":" + rs.getString(2));
                }
            }
            return rows;
        });
    }

    /** What each open descriptor points at (a file, a pty, socket:[…]), for a readable leak report. */
    static java.util.List<String> openFileTargets() throws IOException {
        java.util.List<String> targets = new java.util.ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    targets.add(Files.readSymbolicLink(fd).toString());
                } catch (IOException gone) {
                    // the descriptor of the listing itself, closed meanwhile
                }
            }
        }
        return targets;
    }

    static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
