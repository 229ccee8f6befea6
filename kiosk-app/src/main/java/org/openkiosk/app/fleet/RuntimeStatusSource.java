package org.openkiosk.app.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.FleetSettings;
import org.openkiosk.app.maintenance.DeviceOverview;
import org.openkiosk.app.maintenance.DeviceSnapshot;
import org.openkiosk.app.maintenance.ServiceState;
import org.openkiosk.app.runtime.DeviceProblem;
import org.openkiosk.app.runtime.KioskRuntime;
import org.openkiosk.app.service.certificate.PrintReconciliation;
import org.openkiosk.app.session.SessionStatistics;
import org.openkiosk.app.store.Store;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.escpos.ReceiptPrinter;

/**
 * The running kiosk as the fleet sees it: the maintenance screen's device overview (last known health, last error,
 * statistics; no device I/O), the service switch and the required devices' problems, and counts of the day read
 * from the audit trail. Nothing personal leaves: device texts are masked by the overview, counts are counts.
 */
public final class RuntimeStatusSource implements StatusSource, AutoCloseable {

    /** Below this much free space under the data directory the kiosk raises {@code DISK_LOW}. */
    public static final long DISK_LOW_BYTES = 512L * 1024 * 1024;

    private final KioskRuntime runtime;
    private final Optional<Store> store;
    private final ServiceState serviceState;
    private final FleetSettings settings;
    private final Path configDir;
    private final Path dataDir;
    private final Clock clock;
    private final Instant startedAt;
    private final DeviceOverview overview;
    private volatile boolean storeReachable = true;
    private volatile org.openkiosk.app.service.audit.AuditHead auditHead;
    private volatile org.openkiosk.app.service.identity.AttemptLimiter.Alarm probing;

    public RuntimeStatusSource(KioskRuntime runtime, Optional<Store> store, ServiceState serviceState,
                               FleetSettings settings, Path configDir, Path dataDir, Clock clock) {
        this.runtime = runtime;
        this.store = store;
        this.serviceState = serviceState;
        this.settings = settings;
        this.configDir = configDir;
        this.dataDir = dataDir;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.overview = new DeviceOverview(runtime);
    }

    /** Device events of the overview (on the devices' threads): the link only schedules a look. */
    public void onChange(Runnable listener) {
        overview.addListener(name -> listener.run());
        serviceState.addListener(state -> listener.run());
    }

    @Override
    public KioskState state() {
        List<KioskState.Device> devices = new ArrayList<>();
        for (DeviceSnapshot d : overview.snapshot()) {
            devices.add(new KioskState.Device(d.name(), d.deviceClass(), d.required(), d.state(), d.health(),
                    d.healthText(), d.recommendedAction().isEmpty() ? null : d.recommendedAction(), paper(d),
                    d.lastError().orElse(null), d.statistics()));
        }
        Instant now = clock.instant();
        return new KioskState(KioskState.SCHEMA, settings.kiosk(), settings.hall(), settings.region(), true, null, now,
                service(), new KioskState.Versions(programVersion(), configVersion(configDir)),
                Duration.between(startedAt, now).toSeconds(), devices, null, auditChain());
    }

    /** The audit trail's newest signed head (after each commit, on the committing thread). */
    public void auditHead(org.openkiosk.app.service.audit.AuditHead head) {
        this.auditHead = head;
    }

    /** Repeated typed numbers or slip codes that found nothing: alarmed while the kiosk blocks entries. */
    public void probing(org.openkiosk.app.service.identity.AttemptLimiter.Alarm alarm) {
        this.probing = alarm;
    }

    private KioskState.AuditChain auditChain() {
        var head = auditHead;
        return head == null ? null : new KioskState.AuditChain(head.seq(), head.text());
    }

    private KioskState.Service service() {
        Optional<ServiceState.OutOfService> out = serviceState.outOfService();
        if (out.isPresent()) {
            return new KioskState.Service(false, ServiceState.CODE, out.get().reason(), out.get().since(), out.get().by());
        }
        List<DeviceProblem> problems = runtime.deviceProblems();
        if (!problems.isEmpty()) {
            DeviceProblem first = problems.get(0);
            return new KioskState.Service(false, first.code(), first.health().text(), first.health().at(), "kiosk");
        }
        return new KioskState.Service(true, null, null, null, null);
    }

    /** The receipt printer reports its paper sensor; an A4 printer says only "load paper". */
    private String paper(DeviceSnapshot d) {
        if ("RECEIPT_PRINTER".equals(d.deviceClass())) {
            return runtime.devices().find(d.name()).filter(ReceiptPrinter.class::isInstance)
                    .map(ReceiptPrinter.class::cast).flatMap(ReceiptPrinter::lastStatus)
                    .map(s -> s.paper().name()).orElse(null);
        }
        if ("A4_PRINTER".equals(d.deviceClass())) {
            return RecommendedAction.LOAD_PAPER.description().equals(d.recommendedAction()) && !d.usable() ? "EMPTY"
                    : d.usable() ? "OK" : null;
        }
        return null;
    }

    @Override
    public Telemetry telemetry() {
        Map<String, Long> counts = auditCountsToday();
        Runtime jvm = Runtime.getRuntime();
        return new Telemetry(Telemetry.SCHEMA, settings.kiosk(), clock.instant(),
                SessionStatistics.startedToday(clock),
                counts == null ? null : counts.getOrDefault("CERTIFICATE_PRINTED", 0L),
                counts == null ? null : tickets(counts),
                counts == null ? null : counts.getOrDefault("BOOKED", 0L),
                counts == null ? null : counts.getOrDefault("RATED", 0L),
                freeDisk(), jvm.totalMemory() - jvm.freeMemory(), jvm.maxMemory(), 0, 0);
    }

    /**
     * Queue tickets issued, from audit counts by action: check-ins and walk-ins, less the ticket records the hall store
     * declined (ADRs 0199, 0202: a check-in's ticket is never called, or was never printed; a walk-in's number was
     * given again at the kiosk, or is held by another ticket of the hall). Never below 0 (a ticket of before midnight
     * declined after it).
     */
    static long tickets(Map<String, Long> counts) {
        return Math.max(0, counts.getOrDefault("CHECKED_IN", 0L) + counts.getOrDefault("WALK_IN_TICKET", 0L)
                - counts.getOrDefault("CHECK_IN_DECLINED", 0L) - counts.getOrDefault("TICKET_DECLINED", 0L));
    }

    private OffsetDateTime localMidnight() {
        return LocalDate.now(clock).atStartOfDay(clock.getZone()).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Audit records of this kiosk since local midnight, by action; null when the store cannot be read. */
    private Map<String, Long> auditCountsToday() {
        if (store.isEmpty()) {
            return null;
        }
        OffsetDateTime midnight = localMidnight();
        Map<String, Long> counts;
        try {
            counts = countsSince(store.get(), midnight);
            storeReachable = true;
        } catch (RuntimeException e) {
            storeReachable = false;
            return null;
        }
        // a hall kiosk audits ratings, check-ins and tickets in its journal's own chain (ADRs 0160, 0173); a journal
        // that cannot be read leaves the counts unknown, and is no STORE_UNREACHABLE of the hall's database
        Optional<Store> journal = runtime.services() == null ? Optional.empty()
                : runtime.services().journalAudit().map(org.openkiosk.app.service.audit.AuditLog::store);
        try {
            journal.ifPresent(j -> countsSince(j, midnight).forEach((action, n) -> counts.merge(action, n, Long::sum)));
        } catch (RuntimeException e) {
            return null;
        }
        return counts;
    }

    private Map<String, Long> countsSince(Store in, OffsetDateTime midnight) {
        return countsSince(in, runtime.config().kiosk().id(), midnight);
    }

    /** Audit records of {@code kiosk} in {@code in} since {@code midnight}, by action. */
    static Map<String, Long> countsSince(Store in, String kiosk, OffsetDateTime midnight) {
        return in.inTransaction(c -> {
            Map<String, Long> m = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT action, COUNT(*) FROM audit_log WHERE recorded_at >= ? AND kiosk_id = ? GROUP BY action")) {
                ps.setObject(1, midnight);
                ps.setString(2, kiosk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        m.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return m;
        });
    }

    private long freeDisk() {
        try {
            Path existing = dataDir;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing == null ? -1 : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Map<String, org.openkiosk.app.service.audit.AuditHead> auditHeads() {
        return runtime.auditHeads();
    }

    /**
     * The evaluation platform (ADR 0162): {@code RATINGS_UNDELIVERED} while it cannot take ratings, and
     * {@code RATINGS_REJECTED} for a week after it refused one for good (that rating is never sent again).
     */
    private void journalTargetAlarms(List<Alarm> alarms, Instant now) {
        for (var target : runtime.journalTargets()) {
            String what = target.target().equals("ratings") ? "the evaluation platform" : target.target();
            String code = target.target().toUpperCase(java.util.Locale.ROOT);
            if (!target.reachable()) {
                alarms.add(new Alarm(Alarm.SCHEMA, settings.kiosk(), code + "_UNDELIVERED", AlarmRules.WARNING, null,
                        what + " cannot take records since " + target.unreachableSince().orElse(now) + ", "
                                + target.waiting() + " waiting: " + target.problem().orElse("no answer"),
                        "check the link to " + what + " and the kiosk's token; the kiosk keeps them and retries",
                        target.unreachableSince().orElse(now)));
            }
            if (!target.rejectedRecently().isEmpty()) {
                var last = target.rejectedRecently().get(0);
                alarms.add(new Alarm(Alarm.SCHEMA, settings.kiosk(), code + "_REJECTED", AlarmRules.WARNING, null,
                        what + " refused " + target.rejectedRecently().size() + " record(s) for good in the last "
                                + org.openkiosk.app.store.journal.Shipper.REJECTIONS_SHOWN.toDays() + " days; last: "
                                + last.recordKey() + ": " + last.detail(),
                        "they are kept in the kiosk's journal and not sent again; ask the platform's operator why",
                        last.at()));
            }
        }
    }

    /**
     * The {@code PRINT_OUTCOME_UNKNOWN} alarm of a reconciliation that left attempts unknown (ADR 0165): a count only,
     * certificate numbers never leave the kiosk (docs/fleet.md); staff find them in its log and print records.
     */
    static Optional<Alarm> printOutcomeUnknown(String kiosk, PrintReconciliation prints, Instant now) {
        if (prints.unknown().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Alarm(Alarm.SCHEMA, kiosk, "PRINT_OUTCOME_UNKNOWN", AlarmRules.WARNING, null,
                prints.unknown().size() + " certificate print(s) left open by a crash or an outage cannot be"
                        + " settled; their numbers and causes are in the kiosk's log and print records",
                "ask the citizen or check the tray; the attempts stay counted against the reprint limit", now));
    }

    /**
     * How long a decline may stay unsaid before it is alarmed: the citizen at the kiosk is told within the wait for the
     * hall (5 s) and a read of its receipt; a decline not said by then is one whose ticket was printed.
     */
    static final Duration DECLINE_SAID_WITHIN = Duration.ofSeconds(30);

    /**
     * The {@code CHECK_IN_DECLINED} alarm (ADR 0199): check-ins of today that the hall store declined after this kiosk
     * had printed their ticket as "not yet confirmed" (the hall was cut right after the local commit, or the kiosk
     * restarted before the forward) — the same appointment was checked in at another kiosk first, or cancelled. Those
     * tickets are never called; a citizen holding one comes to the help desk. Ticket numbers and the hall's reason
     * only: no booking code, no name, no ID number. Active until local midnight (tickets are for the day).
     */
    static Optional<Alarm> checkInsDeclined(String kiosk, List<org.openkiosk.app.store.journal.Journal.Declined> today,
                                            Instant now) {
        List<org.openkiosk.app.store.journal.Journal.Declined> unsaid = unsaid(today,
                org.openkiosk.app.store.journal.RecordKind.CHECK_IN, now);
        if (unsaid.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Alarm(Alarm.SCHEMA, kiosk, "CHECK_IN_DECLINED", AlarmRules.WARNING, null,
                unsaid.size() + " check-in(s) today declined by the hall store after this kiosk printed the ticket as"
                        + " not yet confirmed: ticket(s) " + ticketsOf(unsaid) + "; last "
                        + unsaid.get(unsaid.size() - 1).reason(),
                "these tickets will not be called: the appointment was checked in at another kiosk first (or"
                        + " cancelled); help a citizen who shows one at the help desk",
                unsaid.get(0).declinedAt()));
    }

    /**
     * The {@code TICKET_DECLINED} alarm (ADR 0202): walk-in tickets of today that the hall store declined after the
     * citizen had left with them — a hall store restored from a backup had given the same number to another record
     * first (ADR 0198). Both slips are valid and the number is called once: a second citizen with that number is
     * served too. A walk-in renumbered while the citizen was at the kiosk is not alarmed (the citizen was given the new
     * number). Ticket numbers and the hall's reason only; active until local midnight. Public for the hall's restore
     * tests, which hold the kiosks' journals.
     */
    public static Optional<Alarm> walkInsDeclined(String kiosk, List<org.openkiosk.app.store.journal.Journal.Declined> today,
                                           Instant now) {
        List<org.openkiosk.app.store.journal.Journal.Declined> unsaid = unsaid(today,
                org.openkiosk.app.store.journal.RecordKind.WALK_IN_TICKET, now);
        if (unsaid.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Alarm(Alarm.SCHEMA, kiosk, "TICKET_DECLINED", AlarmRules.WARNING, null,
                unsaid.size() + " walk-in ticket(s) today declined by the hall store after the citizen left with it:"
                        + " ticket(s) " + ticketsOf(unsaid) + "; last " + unsaid.get(unsaid.size() - 1).reason(),
                "the hall store gave these numbers to another ticket too (restored from a backup): when one is"
                        + " called, serve both citizens who hold it",
                unsaid.get(0).declinedAt()));
    }

    /** Declines of one kind that were not said at the kiosk within {@link #DECLINE_SAID_WITHIN}: tickets out there. */
    private static List<org.openkiosk.app.store.journal.Journal.Declined> unsaid(
            List<org.openkiosk.app.store.journal.Journal.Declined> today,
            org.openkiosk.app.store.journal.RecordKind kind, Instant now) {
        return today.stream().filter(d -> d.record().kind() == kind && !d.said()
                && !d.declinedAt().isAfter(now.minus(DECLINE_SAID_WITHIN))).toList();
    }

    private static String ticketsOf(List<org.openkiosk.app.store.journal.Journal.Declined> declined) {
        return String.join(", ", declined.stream().map(d -> d.record().fields().getOrDefault("ticket", "?")).toList());
    }

    /**
     * {@code HALL_STORE_RESTORED} (ADR 0198): the hall store lacked records it had confirmed to this kiosk (restored
     * from a backup) and the kiosk sent them again, or it found ticket numbers of this kiosk's records held by another
     * record already. Until the kiosk restarts; the numbers (no personal data) and record keys are in its log.
     */
    static Optional<Alarm> hallStoreRestored(String kiosk, org.openkiosk.app.store.journal.ShipperStatus forwarding,
                                             java.time.ZoneId zone, Instant now) {
        return forwarding.describeRestore(zone).map(text -> new Alarm(Alarm.SCHEMA, kiosk, "HALL_STORE_RESTORED",
                AlarmRules.WARNING, null, text, "make sure every kiosk of the hall runs and reaches the hall store: each"
                + " sends what the hall lost by itself; call a number issued twice for both slips (docs/hall-store.md)",
                forwarding.reforwarded().map(org.openkiosk.app.store.journal.Journal.Reforwarded::at).orElse(now)));
    }

    @Override
    public List<Alarm> systemAlarms() {
        List<Alarm> alarms = new ArrayList<>();
        Instant now = clock.instant();
        if (store.isPresent()) {
            auditCountsToday(); // also tells whether the store answers
        }
        var forwarding = runtime.hallForwarding();
        if (forwarding.isPresent() && !forwarding.get().reachable()) {
            alarms.add(new Alarm(Alarm.SCHEMA, settings.kiosk(), "STORE_UNREACHABLE", AlarmRules.CRITICAL, null,
                    forwarding.get().describe(clock.getZone()), "check the hall's database server and the network; the"
                    + " kiosk keeps serving offline and forwards the waiting records when it is back",
                    forwarding.get().unreachableSince().orElse(now)));
        } else if (!storeReachable) {
            alarms.add(new Alarm(Alarm.SCHEMA, settings.kiosk(), "STORE_UNREACHABLE", AlarmRules.CRITICAL, null,
                    "the store does not answer", "check the database server and the network", now));
        }
        forwarding.flatMap(f -> hallStoreRestored(settings.kiosk(), f, clock.getZone(), now)).ifPresent(alarms::add);
        journalTargetAlarms(alarms, now);
        try {
            var declined = runtime.ticketsDeclinedSince(localMidnight().toInstant());
            checkInsDeclined(settings.kiosk(), declined, now).ifPresent(alarms::add);
            walkInsDeclined(settings.kiosk(), declined, now).ifPresent(alarms::add);
        } catch (RuntimeException e) { // the journal cannot be read now: the next evaluation asks again
            org.slf4j.LoggerFactory.getLogger(RuntimeStatusSource.class).debug("declined tickets unknown", e);
        }
        var prints = runtime.printReconciliation();
        if (prints.isPresent()) {
            printOutcomeUnknown(settings.kiosk(), prints.get(), now).ifPresent(alarms::add);
        }
        var probe = probing;
        if (probe != null && now.isBefore(probe.blockedUntil())) {
            alarms.add(new Alarm(Alarm.SCHEMA, settings.kiosk(), "ID_PROBING", AlarmRules.WARNING, null,
                    probe.misses() + " " + (probe.kind() == org.openkiosk.app.service.identity.AttemptLimiter.Kind.SLIP_CODE
                            ? "slip codes" : "typed ID numbers") + " in a row found nothing; entries blocked until "
                            + probe.blockedUntil(), "see who is at the kiosk", now));
        }
        long free = freeDisk();
        if (free >= 0 && free < DISK_LOW_BYTES) {
            alarms.add(new Alarm(Alarm.SCHEMA, settings.kiosk(), "DISK_LOW", AlarmRules.WARNING, null,
                    (free / (1024 * 1024)) + " MB free under the data directory", "remove old diagnostics and logs", now));
        }
        configRolledBack().ifPresent(text -> alarms.add(new Alarm(Alarm.SCHEMA, settings.kiosk(), "CONFIG_ROLLED_BACK",
                AlarmRules.WARNING, null, text, "fix the configuration bundle and apply it again", now)));
        return alarms;
    }

    /** Left by the start-up guard when a new configuration did not start the kiosk (ADR 0126); gone at the next apply. */
    private java.util.Optional<String> configRolledBack() {
        try {
            Path marker = dataDir.resolve(org.openkiosk.app.maintenance.versions.ConfigVersions.ROLLED_BACK);
            return Files.exists(marker) ? java.util.Optional.of(Files.readString(marker).strip()) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    static String programVersion() {
        String version = RuntimeStatusSource.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }

    /**
     * The label of the applied configuration bundle ({@code kiosk config apply}, ADR 0126), else the first 12 hex
     * digits of kiosk.yaml's SHA-256: which configuration runs, without showing it.
     */
    static String configVersion(Path configDir) {
        java.util.Optional<String> label = org.openkiosk.app.maintenance.versions.ConfigVersions.label(configDir);
        if (label.isPresent()) {
            return label.get();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(configDir.resolve(ConfigLoader.KIOSK_FILE)));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        overview.close();
    }
}
