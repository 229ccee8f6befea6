package org.openkiosk.app.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.fleet.KioskFleet;
import org.openkiosk.app.runtime.DefaultKioskRuntime;
import org.openkiosk.app.runtime.DeviceProblem;
import org.openkiosk.app.runtime.KioskConfiguration;
import org.openkiosk.app.runtime.KioskRuntime;
import org.openkiosk.app.runtime.RuntimeStartException;
import org.openkiosk.app.store.StoreException;
import org.openkiosk.app.store.StoreKey;
import org.openkiosk.app.store.Stores;
import org.openkiosk.app.ui.startup.StartupCheck;
import org.openkiosk.app.ui.startup.StartupProblem;
import org.openkiosk.app.ui.startup.StartupResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up check of a configuration directory: load and validate the configuration (each problem an
 * {@code E-CONFIG} entry for the out-of-service screen), then build the kiosk runtime and look at the
 * required devices ({@code E-DEV-<name>}, see {@link StartupProblem#device}). Repeating the check retries the
 * devices that are not usable; a changed configuration rebuilds the runtime.
 */
final class StartupChecks {

    private StartupChecks() {}

    /** Only the configuration (no devices, no store). */
    static StartupCheck forDirectory(Path dir) {
        return () -> loadConfig(dir, false).result;
    }

    /** Configuration, runtime and required devices; the caller closes it (and with it the runtime). */
    static WithRuntime withRuntime(Path configDir, Path dataDir, boolean demo, Clock clock) {
        return withRuntime(configDir, dataDir, demo, clock, System.getenv("CREDENTIALS_DIRECTORY"));
    }

    /** @param credentialsDirectory {@code $CREDENTIALS_DIRECTORY} as systemd set it (null: none) */
    static WithRuntime withRuntime(Path configDir, Path dataDir, boolean demo, Clock clock, String credentialsDirectory) {
        return new WithRuntime(configDir, dataDir, demo, clock, credentialsDirectory);
    }

    /** A production kiosk on the embedded store without its file key: restarting cannot help (exit 2). */
    static final String STORE_KEY = "E-STORE-KEY";

    private record Loaded(KioskConfig config, StartupResult result) {}

    private static Loaded loadConfig(Path dir, boolean demo) {
        try {
            // every file of the directory, so no half-configured kiosk starts (ADR 0130)
            KioskConfig config = KioskConfiguration.load(dir, demo).kiosk();
            return new Loaded(config, new StartupResult.Ready(config));
        } catch (ConfigException e) {
            return new Loaded(null, new StartupResult.OutOfService(e.problems().stream()
                    .map(p -> new StartupProblem(StartupProblem.CONFIG, p.toString())).toList()));
        } catch (RuntimeException e) {
            // a loader bug must still leave a readable out-of-service screen, not a dead kiosk
            return new Loaded(null, new StartupResult.OutOfService(List.of(new StartupProblem(StartupProblem.CONFIG,
                    "cannot read the configuration in " + dir + ": " + e.getClass().getSimpleName()))));
        }
    }

    /** The full check; keeps the runtime it built between retries. Blocks: never on the JavaFX thread. */
    static final class WithRuntime implements StartupCheck, AutoCloseable {

        private static final Logger log = LoggerFactory.getLogger(WithRuntime.class);

        private final Path configDir;
        private final Path dataDir;
        private final boolean demo;
        private final Clock clock;
        private final String credentialsDirectory;
        private DefaultKioskRuntime runtime;
        private boolean closed;

        private WithRuntime(Path configDir, Path dataDir, boolean demo, Clock clock, String credentialsDirectory) {
            this.configDir = configDir;
            this.dataDir = dataDir;
            this.demo = demo;
            this.clock = clock;
            this.credentialsDirectory = credentialsDirectory;
        }

        /**
         * Only the configuration (and the refusals that need nothing opened: simulators outside a demo, an embedded
         * store without its key): {@code Ready(config)} without a runtime, or the problems {@link #check} would report
         * for it. What the attract screen is drawn from before the runtime opens (ADR 0128).
         */
        StartupResult configuration() {
            Loaded loaded = loadConfig(configDir, demo);
            return loaded.config() == null ? loaded.result() : refused(loaded).orElse(loaded.result());
        }

        /**
         * What refuses this configuration before anything is opened: simulators outside a demo; an embedded store
         * without its key, so that an unencrypted file of citizens' bookings is never even created.
         */
        private java.util.Optional<StartupResult> refused(Loaded loaded) {
            List<StartupProblem> simulators = demo ? List.of() : simulatorsRefused(loaded.config());
            if (!simulators.isEmpty()) {
                return java.util.Optional.of(new StartupResult.OutOfService(simulators));
            }
            java.util.Optional<StartupProblem> noKey = demo ? java.util.Optional.empty()
                    : storeKeyRefused(loaded.config(), credentialsDirectory);
            return noKey.<StartupResult>map(p -> new StartupResult.OutOfService(List.of(p)));
        }

        @Override
        public synchronized StartupResult check() {
            if (closed) {
                throw new IllegalStateException("the start-up check was closed");
            }
            Loaded loaded = loadConfig(configDir, demo);
            if (loaded.config() == null) {
                return loaded.result();
            }
            java.util.Optional<StartupResult> refused = refused(loaded);
            if (refused.isPresent()) {
                return refused.get();
            }
            boolean firstLook = false;
            if (runtime != null && !runtime.config().equals(loaded.config())) {
                log.info("the configuration in {} changed: rebuilding the kiosk runtime", configDir);
                closeRuntime();
            }
            if (runtime == null) {
                try {
                    runtime = DefaultKioskRuntime.start(loaded.config(), configDir, dataDir, demo, clock,
                            KioskFleet.companion(configDir, dataDir, clock));
                    firstLook = true;
                } catch (RuntimeStartException e) {
                    return new StartupResult.OutOfService(List.of(new StartupProblem(e.code(), e.getMessage())));
                } catch (RuntimeException e) {
                    log.error("the kiosk runtime failed to start", e);
                    return new StartupResult.OutOfService(List.of(new StartupProblem("E-INTERNAL",
                            "the kiosk could not start: " + e.getClass().getSimpleName() + ": " + e.getMessage())));
                }
            }
            List<DeviceProblem> problems = firstLook ? runtime.deviceProblems() : runtime.recheckDevices();
            if (!problems.isEmpty()) {
                return new StartupResult.OutOfService(problems.stream().map(StartupChecks::toStartupProblem).toList());
            }
            return new StartupResult.Ready(loaded.config(), runtime);
        }

        /** The runtime of the last check, if one was built. */
        synchronized java.util.Optional<KioskRuntime> runtime() {
            return java.util.Optional.ofNullable(runtime);
        }

        @Override
        public synchronized void close() {
            closed = true;
            closeRuntime();
        }

        private void closeRuntime() {
            if (runtime != null) {
                runtime.close();
                runtime = null;
            }
        }
    }

    /**
     * Production never runs on simulated devices (a kiosk that only pretends to print): {@code sim:} devices are
     * refused unless {@code kiosk.testInstallation: true} says this is a test installation.
     */
    static List<StartupProblem> simulatorsRefused(KioskConfig config) {
        if (config.kiosk().testInstallation()) {
            return List.of();
        }
        return config.devices().entrySet().stream()
                .filter(d -> d.getValue().uri().isSimulator())
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(d -> new StartupProblem(StartupProblem.CONFIG, "kiosk.yaml devices." + d.getKey()
                        + ".uri: " + d.getValue().uri() + " is a simulator; a production kiosk needs the real device"
                        + " (or set kiosk.testInstallation: true for a test installation, or use ./kiosk demo)"))
                .toList();
    }

    /**
     * The embedded store holds full ID numbers for a while (bookings, print records): in production it must be
     * encrypted, so {@code run} refuses it without the {@code kiosk-store-key} credential (ADR 0119). A test
     * installation and the demo may run unencrypted (the store then warns); a PostgreSQL store is unaffected.
     */
    static java.util.Optional<StartupProblem> storeKeyRefused(KioskConfig config, String credentialsDirectory) {
        if (config.kiosk().testInstallation() || !Stores.type(config.store()).equals(Stores.EMBEDDED)) {
            return java.util.Optional.empty();
        }
        String fix = " — create it with systemd-creds (docs/install.md, \"Store key\"), use a PostgreSQL store, or set"
                + " kiosk.testInstallation: true for a test installation";
        try {
            java.util.Optional<char[]> key = StoreKey.fromCredentials(credentialsDirectory);
            if (key.isPresent()) {
                java.util.Arrays.fill(key.get(), '\0');
                return java.util.Optional.empty();
            }
        } catch (StoreException e) {
            return java.util.Optional.of(new StartupProblem(STORE_KEY, e.getMessage() + fix));
        }
        return java.util.Optional.of(new StartupProblem(STORE_KEY, "the embedded store would not be encrypted: no "
                + StoreKey.CREDENTIAL + " credential " + (credentialsDirectory == null || credentialsDirectory.isBlank()
                ? "(the service has no credentials: LoadCredentialEncrypted=" + StoreKey.CREDENTIAL + " in the unit)"
                : "in " + credentialsDirectory) + fix));
    }

    static StartupProblem toStartupProblem(DeviceProblem problem) {
        return StartupProblem.device(problem.logicalName(), problem.health().text() + " — "
                + problem.health().action().description());
    }
}
