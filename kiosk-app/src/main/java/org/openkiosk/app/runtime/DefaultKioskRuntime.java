package org.openkiosk.app.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openkiosk.app.certificate.CertificateRenderer;
import org.openkiosk.app.certificate.CertificateSigner;
import org.openkiosk.app.certificate.CertificateTemplates;
import org.openkiosk.app.certificate.PayloadSigning;
import org.openkiosk.app.certificate.SigningConfig;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.runtime.adapters.A4PrinterPort;
import org.openkiosk.app.runtime.adapters.ReceiptLayouts;
import org.openkiosk.app.runtime.adapters.ReceiptPrinterPort;
import org.openkiosk.app.runtime.adapters.RendererDocumentPort;
import org.openkiosk.app.runtime.adapters.UnavailableDocumentPort;
import org.openkiosk.app.service.CitizenServices;
import org.openkiosk.app.service.catalogue.CatalogueException;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.catalogue.ServiceCatalogue;
import org.openkiosk.app.runtime.adapters.PlatformFaceMatcher;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.platform.ServicePlatform;
import org.openkiosk.app.service.platform.ServicePlatforms;
import org.openkiosk.app.service.port.CertificateDocumentPort;
import org.openkiosk.app.service.port.ReceiptPort;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreException;
import org.openkiosk.app.store.StoreUnavailableException;
import org.openkiosk.app.store.Stores;
import org.openkiosk.app.service.rating.HttpRatingsTarget;
import org.openkiosk.app.store.journal.JournalForwarding;
import org.openkiosk.app.store.journal.Shipper;
import org.openkiosk.app.store.journal.ShipperStatus;
import org.openkiosk.device.DeviceRegistry;
import org.openkiosk.device.HealthStatus;
import org.openkiosk.device.a4.A4PrinterDevice;
import org.openkiosk.device.face.FaceVerifier;
import org.openkiosk.device.escpos.ReceiptPrinter;
import org.openkiosk.device.idcard.IdCardReader;
import org.openkiosk.device.scanner.ScannerDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk wired from its configuration: devices (real drivers, or real drivers on their wire-level
 * simulators), the store, the service catalogue and platform, the certificate renderer and the citizen
 * services over device ports. Built once, off the JavaFX thread; {@link #close()} undoes it in reverse order.
 */
public final class DefaultKioskRuntime implements KioskRuntime {

    private static final Logger log = LoggerFactory.getLogger(DefaultKioskRuntime.class);

    /** How often devices that are not usable get another chance while the kiosk runs. */
    public static final Duration DEVICE_RECOVERY_INTERVAL = Duration.ofSeconds(30);

    /** File name (without H2's {@code .mv.db}) of the demo store under the data directory, apart from real data. */
    public static final String DEMO_STORE_FILE = "demo-store";

    private final KioskConfig config;
    private final boolean demo;
    private final KioskDevices devices;
    private volatile DiskSpaceGuard disk;
    private final List<Runnable> problemListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Store store;
    private final ServiceCatalogue catalogue;
    private final CitizenServices services;
    private final ReceiptPort receipts;
    private final Optional<DemoControls> demoControls;
    private final ScheduledExecutorService recovery;
    private Optional<JournalForwarding> forwarding = Optional.empty();
    private AutoCloseable companion;
    private boolean closed;
    private Optional<org.openkiosk.app.certificate.CertificateVerifier> certificateVerifier = Optional.empty();

    private DefaultKioskRuntime(KioskConfig config, boolean demo, KioskDevices devices, Store store,
                                ServiceCatalogue catalogue, CitizenServices services, ReceiptPort receipts,
                                Clock clock) {
        this.receipts = receipts;
        this.config = config;
        this.demo = demo;
        this.devices = devices;
        this.store = store;
        this.catalogue = catalogue;
        this.services = services;
        this.demoControls = demo ? Optional.of(new SimulatorDemoControls(devices.simulators())) : Optional.empty();
        this.recovery = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "device-recovery");
            t.setDaemon(true);
            return t;
        });
        long every = DEVICE_RECOVERY_INTERVAL.toMillis();
        recovery.scheduleWithFixedDelay(this::recoverQuietly, every, every, TimeUnit.MILLISECONDS);
        // full ID numbers in old bookings are reduced to masked form daily (services.yaml retention)
        var retention = new org.openkiosk.app.service.appointment.BookingRetention(store, clock,
                catalogue.zone(), catalogue.retention().bookingDaysAfterAppointment());
        recovery.scheduleWithFixedDelay(() -> {
            try {
                retention.run();
            } catch (RuntimeException e) {
                log.warn("the retention job failed; it runs again tomorrow", e);
            }
        }, 1, 24 * 60, TimeUnit.MINUTES);
    }

    @Override
    public Optional<java.util.concurrent.Executor> deviceLoop() {
        return recovery.isShutdown() ? Optional.empty() : Optional.of(recovery);
    }

    private void recoverQuietly() {
        try {
            DiskSpaceGuard guard = disk;
            if (guard != null) {
                boolean before = guard.problem().isPresent();
                if (guard.check().isPresent() != before) {
                    problemListeners.forEach(Runnable::run);
                }
            }
            devices.recheckAll();
        } catch (RuntimeException e) {
            log.warn("device recovery failed", e);
        }
    }

    /**
     * Builds the kiosk. Blocks (device I/O, database): never on the JavaFX thread. Device trouble does not stop
     * it (see {@link #deviceProblems()}); a store that cannot be opened or an invalid {@code services.yaml} does.
     *
     * @param configDir the configuration directory ({@code services.yaml} is copied there from the built-in
     *                  default when missing, so technicians can edit it)
     * @param dataDir   the data directory (the embedded store lives here)
     * @param demo      demo mode: the demo store seeded with {@link DemoData}, the demo signing key allowed,
     *                  {@link DemoControls} over the simulators
     * @throws RuntimeStartException when the kiosk cannot serve at all; nothing is left open
     */
    public static DefaultKioskRuntime start(KioskConfig config, Path configDir, Path dataDir, boolean demo, Clock clock) {
        return start(config, configDir, dataDir, demo, clock, RuntimeCompanion.NONE);
    }

    /**
     * As {@link #start(KioskConfig, Path, Path, boolean, Clock)}, then starts {@code companion} beside the runtime
     * (the fleet link, when {@code fleet:} is configured); it is closed first when the runtime closes.
     */
    public static DefaultKioskRuntime start(KioskConfig config, Path configDir, Path dataDir, boolean demo, Clock clock,
                                            RuntimeCompanion companion) {
        Objects.requireNonNull(companion, "companion");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        ServiceCatalogue catalogue = loadCatalogue(configDir);
        KioskDevices started = null;
        Store store = null;
        try {
            Optional<Instant> hallUnreachableSince = Optional.empty();
            try {
                store = openStore(config, dataDir, demo, clock);
            } catch (RuntimeStartException e) {
                if (demo || !config.store().shared() || !(e.getCause() instanceof StoreUnavailableException)
                        || !networkAway(e)) {
                    throw e; // a wrong password, a missing database, a bad URL: not an outage, a configuration fault
                }
                // ADR 0166: a hall kiosk starts while its hall store is away and serves what works offline
                log.warn("the hall store cannot be reached at start ({}); starting offline, the schema is checked"
                        + " when it answers", e.getMessage());
                store = Stores.openWithoutConnecting(config.store());
                hallUnreachableSince = Optional.of(clock.instant());
            }
            ServicePlatform platform = ServicePlatforms.create(catalogue.platform(), store, clock, catalogue.zone());
            // after the platform: a face verifier may compare at the platform
            started = KioskDevices.start(config.devices(), PlatformFaceMatcher.of(platform));
            KioskDevices devices = started;
            CertificateDocumentPort documents = documents(configDir, catalogue, demo);
            ReceiptPort receipts = new ReceiptPrinterPort(() -> devices.find(KioskConfig.RECEIPT_PRINTER, ReceiptPrinter.class),
                    new ReceiptLayouts(catalogue.zone()));
            AuditTrailSetup audit = auditTrail(config, dataDir, demo);
            CitizenServices services = new CitizenServices(store, platform, catalogue, documents,
                    new A4PrinterPort(() -> devices.find(KioskConfig.A4_PRINTER, A4PrinterDevice.class)),
                    receipts,
                    clock, config.kiosk().id(), config.kiosk().hallId(), audit.key(), Optional.of(audit.headFile()),
                    org.openkiosk.app.service.certificate.HolderKey.load(configDir, System.getenv(), demo));
            DefaultKioskRuntime runtime = new DefaultKioskRuntime(config, demo, devices, store, catalogue, services,
                    receipts, clock);
            runtime.certificateVerifier = verifier(configDir, demo);
            runtime.guardDiskSpace(DiskSpaceGuard.of(dataDir));
            if (config.store().shared() && !demo) {
                runtime.forwardToHall(dataDir, clock);
                hallUnreachableSince.ifPresent(runtime::checkSchemaWhenTheHallAnswers);
            }
            if (!demo) {
                runtime.reconcilePrints();
            }
            recordConfigurationChanges(configDir, dataDir, services);
            log.info("kiosk {} started{}: store {}, devices {}, problems {}", config.kiosk().id(),
                    demo ? " in DEMO mode" : "", store.description(), devices.registry().all().size(),
                    runtime.deviceProblems().stream().map(DeviceProblem::code).toList());
            runtime.startBeside(companion);
            return runtime;
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            if (started != null) {
                started.close();
            }
            throw e;
        }
    }

    /**
     * Hall kiosks (ADRs 0160, 0161): records go to the local journal first and a shipper forwards them; walk-in
     * numbers are reserved for an outage now and daily.
     */
    private void forwardToHall(Path dataDir, Clock clock) {
        JournalForwarding started;
        try {
            started = JournalForwarding.start(config.store(), store, dataDir, clock, config.kiosk().id(),
                    config.kiosk().hallId());
        } catch (StoreException e) {
            throw new RuntimeStartException(RuntimeStartException.STORE, "the kiosk's journal cannot be opened: "
                    + e.getMessage(), e);
        }
        forwarding = Optional.of(started.serveSnapshots(dataDir));
        Shipper shipper = started.shipper();
        config.ratingsTarget().ifPresent(target -> shipper.deliverTo(HttpRatingsTarget.of(target,
                config.kiosk().hallId(), System::getenv), new Shipper.Settings(Shipper.Settings.defaults().batchSize(),
                Shipper.Settings.defaults().retryMin(), target.retryMax())));
        services.journalInto(started.journal(), store, config.store().walkInReserve(), shipper::hallReachable,
                shipper::forwardNow,
                Optional.of(AuditTrailSetup.journalHeadFile(config.audit(), dataDir, demo)));
        recovery.scheduleWithFixedDelay(() -> {
            try {
                services.queue().reserveOfflineNumbers();
            } catch (RuntimeException e) {
                log.warn("reserving walk-in numbers failed; trying again in an hour", e);
            }
        }, 0, 60, TimeUnit.MINUTES);
        recovery.scheduleWithFixedDelay(() -> { // ADR 0164: records every receiver has, past retention
            try {
                int removed = org.openkiosk.app.store.journal.JournalPruning.prune(started.journal().store(),
                        clock.instant().minus(org.openkiosk.app.store.journal.JournalPruning.RETENTION),
                        shipper.targetKinds());
                if (removed > 0) {
                    log.info("removed {} forwarded journal records older than {} days", removed,
                            org.openkiosk.app.store.journal.JournalPruning.RETENTION.toDays());
                }
            } catch (RuntimeException e) {
                log.warn("pruning the journal failed; trying again tomorrow", e);
            }
        }, 10, 24 * 60, TimeUnit.MINUTES);
    }

    /** The database or the network is away (connecting failed), as opposed to a refusal by a server that answers. */
    private static boolean networkAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.NoRouteToHostException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.net.UnknownHostException
                    || t instanceof java.io.EOFException || t instanceof java.net.SocketException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** Started offline: the alarm says since when; the schema check (Flyway) runs once the hall store answers. */
    private void checkSchemaWhenTheHallAnswers(Instant since) {
        java.util.concurrent.atomic.AtomicBoolean checked = new java.util.concurrent.atomic.AtomicBoolean();
        Shipper shipper = forwarding.orElseThrow().shipper();
        shipper.onReconnect(() -> {
            if (checked.compareAndSet(false, true)) {
                try {
                    recovery.execute(() -> {
                        try {
                            Stores.migrate(store);
                            log.info("the hall store answers; its schema is up to date");
                        } catch (RuntimeException e) {
                            log.error("the hall store answers but its schema check failed", e);
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // closing
                }
            }
        });
        shipper.unreachableSince(since);
    }

    /**
     * Certificate prints left open by a crash or an outage (ADR 0165): reconciled now, hourly, each time the hall
     * store answers again and each time the A4 printer turns usable again (ADR 0206), off the UI thread.
     */
    private void reconcilePrints() {
        Runnable reconcile = () -> {
            try {
                services.certificates().reconcile();
            } catch (RuntimeException e) {
                log.warn("reconciling certificate prints failed; trying again later", e);
            }
        };
        Runnable soon = () -> {
            try {
                recovery.execute(reconcile);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing
            }
        };
        recovery.scheduleWithFixedDelay(reconcile, 0, 60, TimeUnit.MINUTES);
        forwarding.ifPresent(f -> f.shipper().onReconnect(soon));
        // the printer's job history can answer what the start-up run had to leave waiting: ask it once it is back
        java.util.concurrent.atomic.AtomicBoolean printerUsable = new java.util.concurrent.atomic.AtomicBoolean(
                devices.health(KioskConfig.A4_PRINTER).map(h -> h.isUsable()).orElse(false));
        devices.registry().subscribe(event -> { // on a device thread: only hands the work to the device loop
            if (event instanceof org.openkiosk.device.DeviceEvent.StatusUpdate update
                    && update.deviceName().equals(KioskConfig.A4_PRINTER)) {
                boolean usable = update.status().isUsable();
                if (printerUsable.getAndSet(usable) != usable && usable) {
                    log.info("the A4 printer is usable again; reconciling open certificate prints");
                    soon.run();
                }
            }
        });
    }

    @Override
    public Optional<org.openkiosk.app.service.certificate.PrintReconciliation> printReconciliation() {
        return Optional.of(services.certificates().lastReconciliation());
    }

    @Override
    public Optional<ShipperStatus> hallForwarding() {
        return forwarding.map(f -> f.shipper().status());
    }

    /**
     * Configuration changes since the last start (apply, rollback, automatic rollback, edits by hand) into the keyed
     * trail (ADR 0068). A trail that cannot be written here cannot be written by the services either: the store's
     * own check reports it; the start goes on and the change is recorded at a later start.
     */
    private static void recordConfigurationChanges(Path configDir, Path dataDir, CitizenServices services) {
        try {
            for (var r : ConfigurationChanges.recordAtStart(configDir, dataDir, services.audit())) {
                log.info("configuration change recorded in the audit trail: record {} {} {}", r.seq(), r.subject(),
                        r.details());
            }
        } catch (java.io.IOException | RuntimeException e) {
            log.error("cannot record the configuration changes in the audit trail (they stay noted in {}): {}",
                    dataDir.resolve(ConfigurationChanges.NOTES), e.toString());
        }
    }

    @Override
    public java.util.Map<String, org.openkiosk.app.service.audit.AuditHead> auditHeads() {
        java.util.Map<String, org.openkiosk.app.service.audit.AuditHead> heads = new java.util.TreeMap<>();
        services.audit().head().ifPresent(h -> heads.put(STORE_CHAIN, h));
        services.journalAudit().flatMap(org.openkiosk.app.service.audit.AuditLog::head)
                .ifPresent(h -> heads.put(JOURNAL_CHAIN, h));
        return heads;
    }

    @Override
    public List<org.openkiosk.app.store.journal.Journal.Declined> ticketsDeclinedSince(java.time.Instant since) {
        return forwarding.map(f -> f.journal().declinedSince(since)).orElse(List.of());
    }

    @Override
    public List<org.openkiosk.app.store.journal.TargetStatus> journalTargets() {
        return forwarding.map(f -> f.shipper().targetStatuses()).orElse(List.of());
    }

    private static AuditTrailSetup auditTrail(KioskConfig config, Path dataDir, boolean demo) {
        try {
            AuditTrailSetup setup = AuditTrailSetup.resolve(config.audit(), dataDir, demo, System::getenv);
            log.info("audit trail keyed with {} (key id {}), head published to {}", setup.origin(), setup.key().id(),
                    setup.headFile());
            return setup;
        } catch (IllegalArgumentException e) {
            throw new RuntimeStartException(RuntimeStartException.CONFIG, "the audit key cannot be used: "
                    + e.getMessage(), e);
        }
    }

    /** A companion that fails to start (a broken fleet link) never stops the kiosk. */
    private void startBeside(RuntimeCompanion starter) {
        try {
            companion = starter.startBeside(this).orElse(null);
        } catch (IOException | RuntimeException e) {
            log.error("{} not started: {}", starter, e.toString());
        }
    }

    @Override
    public <T> Optional<T> companion(Class<T> type) {
        return type.isInstance(companion) ? Optional.of(type.cast(companion)) : Optional.empty();
    }

    static ServiceCatalogue loadCatalogue(Path configDir) {
        Path file = configDir.resolve(CatalogueLoader.FILE_NAME);
        if (!Files.exists(file)) {
            copyDefaultCatalogue(file);
        }
        try {
            return new CatalogueLoader().loadFromConfigDir(configDir);
        } catch (CatalogueException e) {
            throw new RuntimeStartException(RuntimeStartException.CONFIG, e.getMessage(), e);
        }
    }

    /** Puts the built-in catalogue where technicians edit it; a read-only directory keeps the built-in one. */
    private static void copyDefaultCatalogue(Path file) {
        try (InputStream in = CatalogueLoader.class.getResourceAsStream(CatalogueLoader.DEFAULT_RESOURCE)) {
            if (in == null) {
                return; // loadDefault reports it
            }
            Files.createDirectories(file.getParent());
            Files.copy(in, file);
            log.info("wrote the built-in service catalogue to {} (edit it there)", file);
        } catch (IOException e) {
            log.warn("cannot write the service catalogue to {}, using the built-in one: {}", file, e.toString());
        }
    }

    private static Store openStore(KioskConfig config, Path dataDir, boolean demo, Clock clock) {
        // the demo never touches a real store: its own embedded file under the data directory
        StoreConfig storeConfig = demo
                ? new StoreConfig(Stores.EMBEDDED, dataDir.resolve(DEMO_STORE_FILE).toString(), null, null)
                : config.store();
        Store store;
        try {
            store = Stores.open(storeConfig, dataDir);
        } catch (StoreException e) {
            throw new RuntimeStartException(RuntimeStartException.STORE, e.getMessage(), e);
        }
        if (demo) {
            try {
                if (DemoData.seed(store, clock)) {
                    log.info("seeded the demo store with synthetic citizens and applications");
                }
            } catch (RuntimeException e) {
                store.close();
                throw new RuntimeStartException(RuntimeStartException.STORE, "seeding the demo store failed: "
                        + e.getMessage(), e);
            }
        }
        return store;
    }

    /**
     * The certificate check's verifier (证明核验): the trusted keys and revocation list of certificate-signing.yaml,
     * the demo key accepted only in demo mode — the verifier {@code ./kiosk certificate verify} builds. Empty (the
     * service says it is not available) when the key set-up cannot be read.
     */
    private static Optional<org.openkiosk.app.certificate.CertificateVerifier> verifier(Path configDir, boolean demo) {
        try {
            return Optional.of(SigningConfig.load(configDir).verifier(demo));
        } catch (IOException | RuntimeException e) {
            log.error("certificate check disabled: cannot load the trusted keys from {}: {}", configDir, e.toString());
            return Optional.empty();
        }
    }

    /** The renderer port; certificates are refused (recorded FAILED) when signing is not set up or not allowed. */
    private static CertificateDocumentPort documents(Path configDir, ServiceCatalogue catalogue, boolean demo) {
        try {
            CertificateTemplates templates = CertificateTemplates.load(configDir);
            PayloadSigning signing = SigningConfig.load(configDir).signing();
            if (signing instanceof CertificateSigner signer && signer.isDemoKey() && !demo) {
                String reason = "the signing key " + signer.keyId() + " is the published DEMO key; generate this "
                        + "kiosk's own key with ./kiosk certificate keygen";
                log.error("certificates disabled: {}", reason);
                return new UnavailableDocumentPort(reason);
            }
            log.info("certificates: {}", signing.describe());
            return new RendererDocumentPort(new CertificateRenderer(templates, signing, demo));
        } catch (IOException | RuntimeException e) {
            log.error("certificates disabled: cannot load templates or signing key from {}: {}", configDir, e.toString());
            return new UnavailableDocumentPort("cannot load the certificate set-up from " + configDir + ": " + e.getMessage());
        }
    }

    @Override
    public KioskConfig config() {
        return config;
    }

    @Override
    public boolean demo() {
        return demo;
    }

    @Override
    public CitizenServices services() {
        return services;
    }

    /** The opened store (maintenance commands and tests read records from it). */
    public Store store() {
        return store;
    }

    @Override
    public ReceiptPort receipts() {
        return receipts;
    }

    public ServiceCatalogue catalogue() {
        return catalogue;
    }

    @Override
    public DeviceRegistry devices() {
        return devices.registry();
    }

    @Override
    public Optional<IdCardReader> idReader() {
        return devices.find(KioskConfig.ID_READER, IdCardReader.class);
    }

    @Override
    public Optional<ScannerDevice> scanner() {
        return devices.find(KioskConfig.SCANNER, ScannerDevice.class);
    }

    @Override
    public Optional<ReceiptPrinter> receiptPrinter() {
        return devices.find(KioskConfig.RECEIPT_PRINTER, ReceiptPrinter.class);
    }

    @Override
    public Optional<org.openkiosk.device.docscan.DocumentScannerDevice> documentScanner() {
        return devices.find(KioskConfig.DOCUMENT_SCANNER, org.openkiosk.device.docscan.DocumentScannerDevice.class);
    }

    @Override
    public Optional<org.openkiosk.app.certificate.CertificateVerifier> certificateVerifier() {
        return certificateVerifier;
    }

    @Override
    public Optional<FaceVerifier> faceVerifier() {
        return devices.find(KioskConfig.FACE_VERIFIER, FaceVerifier.class);
    }

    @Override
    public Optional<A4PrinterDevice> a4Printer() {
        return devices.find(KioskConfig.A4_PRINTER, A4PrinterDevice.class);
    }

    @Override
    public Optional<DemoControls> demoControls() {
        return demoControls;
    }

    /** The simulators behind {@code sim:} devices (tests and maintenance tools look at what they received). */
    public Simulators simulators() {
        return devices.simulators();
    }

    @Override
    public List<DeviceProblem> deviceProblems() {
        java.util.Optional<DeviceProblem> full = disk == null ? java.util.Optional.empty() : disk.problem();
        if (full.isEmpty()) {
            return devices.problems();
        }
        List<DeviceProblem> all = new java.util.ArrayList<>(devices.problems());
        all.add(full.get());
        return List.copyOf(all);
    }

    /** Watches the data disk from now on: checked at once and at every device-loop pass. */
    public void guardDiskSpace(DiskSpaceGuard guard) {
        boolean before = deviceProblems().stream().anyMatch(p -> p.logicalName().equals(DiskSpaceGuard.NAME));
        boolean now = guard.check().isPresent();
        this.disk = guard;
        if (before != now) {
            problemListeners.forEach(Runnable::run);
        }
    }

    @Override
    public void onProblemsChanged(Runnable listener) {
        problemListeners.add(listener);
    }

    @Override
    public List<DeviceProblem> recheckDevices() {
        return devices.recheck();
    }

    /**
     * Gives every device that is not usable (optional ones too) another chance now; the runtime also does this
     * every {@link #DEVICE_RECOVERY_INTERVAL} on its own thread. Blocks.
     */
    public List<DeviceProblem> recheckAllDevices() {
        return devices.recheckAll();
    }

    @Override
    public Optional<HealthStatus> deviceHealth(String logicalName) {
        return devices.health(logicalName);
    }

    /** Device recovery, the store, then devices in reverse order, then the simulators; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (companion != null) {
            try {
                companion.close(); // first: the fleet link's goodbye still reads the devices
            } catch (Exception e) {
                log.warn("closing {} failed", companion, e);
            }
        }
        recovery.shutdownNow();
        try {
            if (!recovery.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("device recovery did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        services.auditInBackground().close(); // queued audit records first, while the store is open
        forwarding.ifPresent(JournalForwarding::close); // a forward in flight finishes; the rest waits on disk
        try {
            store.close();
        } catch (RuntimeException e) {
            log.warn("closing the store failed", e);
        }
        devices.close();
        log.info("kiosk {} stopped", config.kiosk().id());
    }
}
