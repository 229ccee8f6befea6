package org.openkiosk.app.fleet;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.ConfigProblem;
import org.openkiosk.app.config.FleetSettings;
import org.openkiosk.app.fleet.command.CommandAudit;
import org.openkiosk.app.fleet.command.CommandProcessor;
import org.openkiosk.app.fleet.command.CommandVerifier;
import org.openkiosk.app.fleet.command.KioskActions;
import org.openkiosk.app.fleet.command.ReplayGuard;
import org.openkiosk.app.maintenance.DeviceOverview;
import org.openkiosk.app.maintenance.DeviceReport;
import org.openkiosk.app.maintenance.DiagnosticsBundle;
import org.openkiosk.app.maintenance.ServiceState;
import org.openkiosk.app.runtime.DefaultKioskRuntime;
import org.openkiosk.app.runtime.KioskRuntime;
import org.openkiosk.app.runtime.RuntimeCompanion;
import org.openkiosk.app.service.audit.AuditAction;
import org.openkiosk.app.service.audit.AuditEntry;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.session.SessionStatistics;
import org.openkiosk.app.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet link of a running kiosk, wired: its state from the runtime, its commands carried out on the runtime,
 * the persisted service switch and the audit chain. Started by the runtime when {@code fleet:} is configured.
 */
public final class KioskFleet implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KioskFleet.class);
    /** Exit code of a restart asked for remotely: the supervisor (systemd {@code Restart=on-failure}) starts the kiosk again. */
    public static final int RESTART_EXIT_CODE = 75;
    /** The replay memory under the queue directory. */
    static final String SEEN_COMMANDS_FILE = "seen-commands.txt";

    private final FleetLink link;
    private final RuntimeStatusSource source;
    private final HelpCalls helpCalls;

    private KioskFleet(FleetLink link, RuntimeStatusSource source, HelpCalls helpCalls) {
        this.link = link;
        this.source = source;
        this.helpCalls = helpCalls;
    }

    /**
     * @param exit how the process ends for a restart ({@code System::exit} in the kiosk; tests record it)
     */
    public static KioskFleet start(FleetSettings settings, KioskRuntime runtime, Optional<Store> store, Path configDir,
                                   Path dataDir, Clock clock, UnaryOperator<String> environment, IntConsumer exit)
            throws IOException {
        ServiceState serviceState = ServiceState.persistent(dataDir, clock);
        RuntimeStatusSource source = new RuntimeStatusSource(runtime, store, serviceState, settings, configDir, dataDir,
                clock);
        FleetLink link;
        try {
            link = FleetLink.start(settings, dataDir, source, clock, environment);
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
        try {
            String target = settings.region() + "/" + settings.hall() + "/" + settings.kiosk();
            CommandVerifier verifier = new CommandVerifier(operatorKeys(settings), target,
                    new ReplayGuard(settings.queueDirectory(dataDir).resolve(SEEN_COMMANDS_FILE)), clock);
            HelpCalls helpCalls = HelpCalls.over(link, settings.kiosk(), clock);
            KioskActions actions = new RuntimeActions(runtime, serviceState, configDir, dataDir, clock, exit, helpCalls);
            CommandProcessor processor = new CommandProcessor(link, settings.kiosk(), verifier, actions,
                    audit(runtime, store), clock);
            link.onCommand(processor::handle);
            source.onChange(link::update);
            if (store.isPresent()) {
                // the chain head leaves the kiosk with the retained state: truncating the database shows (ADR 0065)
                var trail = runtime.services().audit();
                trail.head().ifPresent(source::auditHead);
                trail.addHeadListener(head -> {
                    source.auditHead(head);
                    link.update();
                });
                runtime.services().attempts().onAlarm(alarm -> {
                    source.probing(alarm);
                    link.update();
                });
            }
            return new KioskFleet(link, source, helpCalls);
        } catch (IOException | RuntimeException e) {
            link.close();
            source.close();
            throw e;
        }
    }

    /**
     * The fleet link as the runtime's companion (ADR 0133): the runtime starts it once it is up, when kiosk.yaml has a
     * {@code fleet:} section, and closes it first. A restart asked for remotely ends the process.
     */
    public static RuntimeCompanion companion(Path configDir, Path dataDir, Clock clock) {
        return new RuntimeCompanion() {
            @Override
            public Optional<AutoCloseable> startBeside(DefaultKioskRuntime runtime) throws IOException {
                Optional<FleetSettings> settings = runtime.config().fleet();
                if (settings.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(start(settings.get(), runtime, Optional.of(runtime.store()), configDir, dataDir,
                        clock, System::getenv, System::exit));
            }

            @Override
            public String toString() {
                return "the fleet link";
            }
        };
    }

    private static Map<String, PublicKey> operatorKeys(FleetSettings settings) throws IOException {
        Map<String, PublicKey> keys = new TreeMap<>();
        for (Path file : settings.operatorKeys()) {
            keys.put(CertificateKeys.keyIdOf(file), CertificateKeys.readPublic(file));
        }
        if (keys.isEmpty()) {
            log.warn("fleet: no operator keys (fleet.operatorKeys): every remote command will be rejected");
        }
        return keys;
    }

    /** Commands go into the same hash-chained trail as the citizen services, through its public API. */
    private static CommandAudit audit(KioskRuntime runtime, Optional<Store> store) {
        if (store.isEmpty()) {
            return (accepted, id, details) -> log.info("AUDIT fleet command {} {} {}", id, accepted, details);
        }
        AuditLog auditLog = runtime.services().audit();
        return (accepted, id, details) -> store.get().inTransaction(c -> auditLog.append(c, new AuditEntry(
                accepted ? AuditAction.FLEET_COMMAND_ACCEPTED : AuditAction.FLEET_COMMAND_REJECTED,
                "fleet-command:" + id, details)));
    }

    public FleetLink link() {
        return link;
    }

    /** The citizens' calls for staff over this link. */
    public HelpCalls helpCalls() {
        return helpCalls;
    }

    StatusSource statusSource() {
        return source;
    }

    @Override
    public void close() {
        link.close();
        source.close();
    }

    /** The commands carried out on the running kiosk. */
    private static final class RuntimeActions implements KioskActions {
        private final KioskRuntime runtime;
        private final ServiceState serviceState;
        private final Path configDir;
        private final Path dataDir;
        private final Clock clock;
        private final IntConsumer exit;
        private final HelpCalls helpCalls;
        private volatile Thread restarter;

        RuntimeActions(KioskRuntime runtime, ServiceState serviceState, Path configDir, Path dataDir, Clock clock,
                       IntConsumer exit, HelpCalls helpCalls) {
            this.helpCalls = helpCalls;
            this.runtime = runtime;
            this.serviceState = serviceState;
            this.configDir = configDir;
            this.dataDir = dataDir;
            this.clock = clock;
            this.exit = exit;
        }

        @Override
        public void outOfService(boolean on, String reason, String by) {
            if (on) {
                serviceState.takeOutOfService(reason, by);
            } else {
                serviceState.backInService();
            }
        }

        @Override
        public boolean staffAnswered(String callId, String state, String by) {
            return helpCalls.staffAnswered(callId, state, by);
        }

        @Override
        public List<String> validateConfiguration() {
            try {
                ConfigLoader.load(configDir);
                return List.of();
            } catch (ConfigException e) {
                return e.problems().stream().map(ConfigProblem::toString).toList();
            }
        }

        @Override
        public synchronized void restartWhenIdle(String why) {
            if (restarter != null) {
                return;
            }
            log.warn("fleet: restart requested ({}); waiting until no citizen is being served", why);
            restarter = new Thread(() -> {
                try {
                    while (SessionStatistics.sessionActive()) {
                        Thread.sleep(1000); // polling the session flag; a citizen is never cut off
                    }
                    log.warn("fleet: restarting now ({})", why);
                    exit.accept(RESTART_EXIT_CODE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "fleet-restart");
            restarter.setDaemon(true);
            restarter.start();
        }

        @Override
        public Path collectDiagnostics() throws IOException {
            try (DeviceOverview overview = new DeviceOverview(runtime)) {
                return new DiagnosticsBundle(configDir, dataDir, clock).kioskId(runtime.config().kiosk().id())
                        .serviceState(serviceState)
                        .deviceReport(() -> DeviceReport.format(overview.snapshot(), List.of()))
                        .export(Optional.empty());
            }
        }
    }
}
