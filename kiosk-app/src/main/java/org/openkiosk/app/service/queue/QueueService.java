package org.openkiosk.app.service.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.openkiosk.app.service.appointment.Booking;
import org.openkiosk.app.service.appointment.BookingRepository;
import org.openkiosk.app.service.appointment.BookingStatus;
import org.openkiosk.app.service.audit.AuditAction;
import org.openkiosk.app.service.audit.AuditEntry;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.service.catalogue.CheckInWindow;
import org.openkiosk.app.service.catalogue.ServiceCatalogue;
import org.openkiosk.app.service.catalogue.ServiceDefinition;
import org.openkiosk.app.service.identity.AccessPolicy;
import org.openkiosk.app.service.identity.AttemptLimiter;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.identity.ProtectedService;
import org.openkiosk.app.service.platform.ServicePlatform;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.app.service.port.ReceiptPort;
import org.openkiosk.app.store.NumberSequences;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreUnavailableException;
import org.openkiosk.app.store.journal.RecordKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Check-in and the live queue of one hall. Ticket numbers come from a per-hall, per-day, per-queue counter
 * row in the shared database, so kiosks of one hall never hand out the same number. Booked citizens
 * checking in within the {@link CheckInWindow} get priority 0 and are called before walk-ins (priority 1).
 * <p>
 * A hall kiosk ({@link #issueOfflineFrom}, ADRs 0161, 0173) writes no ticket into the hall store itself: it takes
 * the number (the hall's counter, or its reserved block while the hall is away), journals the ticket durably with
 * its audit entry, forwards the record at once and tells the citizen what the hall store made of it.
 */
public final class QueueService {

    static final int PRIORITY_BOOKED = 0;
    static final int PRIORITY_WALK_IN = 1;
    private static final Logger LOG = LoggerFactory.getLogger(QueueService.class);

    private final Store store;
    private final BookingRepository bookings;
    private final ServiceCatalogue catalogue;
    private final ServicePlatform platform;
    private final ReceiptPort receipts;
    private final AuditLog audit;
    private final Clock clock;
    private final String kioskId;
    private final String hallId;
    private final AccessPolicy access;
    private AttemptLimiter attempts;
    private OfflineTickets offline;
    private AuditLog journalAudit;

    public QueueService(Store store, BookingRepository bookings, ServiceCatalogue catalogue, ServicePlatform platform,
                        ReceiptPort receipts, AuditLog audit, Clock clock, String kioskId, String hallId) {
        this.store = store;
        this.bookings = bookings;
        this.catalogue = catalogue;
        this.platform = platform;
        this.receipts = receipts;
        this.audit = audit;
        this.clock = clock;
        this.kioskId = kioskId;
        this.hallId = hallId;
        this.access = new AccessPolicy(catalogue);
    }

    /** Counts check-ins that find nothing (typed numbers, slip codes) against this kiosk's limiter. */
    public void limitAttempts(AttemptLimiter attempts) {
        this.attempts = attempts;
    }

    /** Check-in with the booking code from a scanned slip (see {@code AppointmentQr}). */
    public TicketResult checkIn(String bookingCode) {
        access.requireSlip(ProtectedService.CHECK_IN);
        check(AttemptLimiter.Kind.SLIP_CODE);
        Optional<Booking> found = fromHall(() -> bookings.byCode(bookingCode));
        if (found.isEmpty()) {
            miss(AttemptLimiter.Kind.SLIP_CODE);
            throw new CheckInException(CheckInException.Reason.NO_BOOKING_TODAY, "no booking " + bookingCode);
        }
        return checkIn(found.get());
    }

    /**
     * An appointment is read from the hall store; a hall kiosk that cannot reach it says so (nothing was checked in)
     * instead of "no booking".
     */
    private <T> T fromHall(java.util.function.Supplier<T> read) {
        if (offline != null && offline.hallKnownUnreachable()) {
            throw hallOffline("the shipper cannot reach the hall store");
        }
        try {
            return read.get();
        } catch (StoreUnavailableException e) {
            if (offline == null) {
                throw e;
            }
            throw hallOffline(e.getMessage());
        }
    }

    private static CheckInException hallOffline(String cause) {
        return new CheckInException(CheckInException.Reason.HALL_OFFLINE,
                "the appointment cannot be checked while the hall store is unreachable (" + cause + ")");
    }

    private void check(AttemptLimiter.Kind kind) {
        if (attempts != null) {
            attempts.checkAllowed(kind);
        }
    }

    private void miss(AttemptLimiter.Kind kind) {
        if (attempts != null) {
            attempts.miss(kind);
        }
    }

    /** Check-in with the ID card: the person's earliest booking in this hall today. */
    public TicketResult checkIn(Identity who) {
        access.require(ProtectedService.CHECK_IN, Optional.of(who), Optional.empty());
        boolean guessable = !who.source().isCard();
        if (guessable) {
            check(AttemptLimiter.Kind.TYPED_NUMBER);
        }
        LocalDate today = today();
        Optional<Booking> booking = fromHall(() -> bookings.of(who.idNumber())).stream()
                .filter(b -> b.status() == BookingStatus.BOOKED && b.hallId().equals(hallId) && b.date().equals(today))
                .min(Comparator.comparing(Booking::start));
        if (booking.isEmpty()) {
            if (guessable) { // a typed number probing for bookings
                miss(AttemptLimiter.Kind.TYPED_NUMBER);
            }
            throw new CheckInException(CheckInException.Reason.NO_BOOKING_TODAY,
                    "no booking in this hall today; take a walk-in ticket");
        }
        return checkIn(booking.get());
    }

    private TicketResult checkIn(Booking booking) {
        switch (booking.status()) {
            case CANCELLED -> throw new CheckInException(CheckInException.Reason.CANCELLED,
                    "booking " + booking.code() + " was cancelled");
            case CHECKED_IN -> throw new CheckInException(CheckInException.Reason.ALREADY_CHECKED_IN,
                    "booking " + booking.code() + " is already checked in");
            case BOOKED -> { }
        }
        if (!booking.hallId().equals(hallId)) {
            throw new CheckInException(CheckInException.Reason.OTHER_HALL,
                    "booking " + booking.code() + " is for hall " + booking.hallId());
        }
        if (!booking.date().equals(today())) {
            throw new CheckInException(CheckInException.Reason.NOT_TODAY,
                    "booking " + booking.code() + " is for " + booking.date());
        }
        ServiceDefinition service = service(booking.serviceCode());
        Instant now = clock.instant();
        int priority = withinWindow(booking, now) ? PRIORITY_BOOKED : PRIORITY_WALK_IN;
        if (offline != null) {
            return checkInThroughJournal(booking, service, priority, now);
        }
        long counters = countersOf(service);
        QueueTicket ticket = store.inTransaction(c -> {
            try (PreparedStatement use = c.prepareStatement("UPDATE booking SET status = 'CHECKED_IN',"
                    + " active_holder = NULL WHERE id = ? AND status = 'BOOKED'")) {
                use.setLong(1, booking.id());
                if (use.executeUpdate() != 1) {
                    throw new CheckInException(CheckInException.Reason.ALREADY_CHECKED_IN,
                            "booking " + booking.code() + " changed meanwhile");
                }
            }
            QueueTicket issued = issue(c, service, priority, Optional.of(booking.id()), now, counters);
            audit.append(c, new AuditEntry(AuditAction.CHECKED_IN, "booking:" + booking.code(), Map.of(
                    "ticket", issued.ticketNo(), "hall", hallId, "service", service.code(),
                    "priority", Boolean.toString(issued.priority()), "holder", booking.holder().masked())));
            return issued;
        });
        LOG.info("checked in {} → ticket {}", booking.code(), ticket.ticketNo());
        return new TicketResult(ticket, print(ticket));
    }

    /** Every service of the hall's queues: walk-in tickets are taken for any of them. */
    public java.util.List<ServiceDefinition> services() {
        return catalogue.services();
    }

    /** A walk-in ticket for a service (no identity needed at the default level). */
    public TicketResult walkIn(String serviceCode) {
        return walkIn(Optional.empty(), serviceCode);
    }

    /**
     * A walk-in ticket for whoever is at the kiosk (nobody identified, or the citizen). When the hall store cannot be
     * reached, the number comes from this kiosk's reserved block (ADR 0161) and the ticket waits in the journal.
     */
    public TicketResult walkIn(Optional<Identity> who, String serviceCode) {
        access.require(ProtectedService.WALK_IN_TICKET, who, Optional.empty());
        ServiceDefinition service = service(serviceCode);
        Instant now = clock.instant();
        if (offline != null) {
            return walkInThroughJournal(service, now);
        }
        long counters = countersOf(service);
        QueueTicket ticket = store.inTransaction(c -> {
            QueueTicket issued = issue(c, service, PRIORITY_WALK_IN, Optional.empty(), now, counters);
            audit.append(c, new AuditEntry(AuditAction.WALK_IN_TICKET, "ticket:" + issued.ticketNo(), Map.of(
                    "hall", hallId, "service", service.code())));
            return issued;
        });
        return new TicketResult(ticket, print(ticket));
    }

    /**
     * Hall mode (ADRs 0161, 0173): every ticket goes through the kiosk's journal, audited in the journal's own chain;
     * walk-ins come from reserved numbers while the hall store is unreachable.
     */
    public void issueOfflineFrom(OfflineTickets tickets, AuditLog journalAudit) {
        this.offline = tickets;
        this.journalAudit = journalAudit;
        tickets.journal().onDeclined(this::auditDeclines);
        auditDeclines(); // declines the shipper learned before the services were wired (a restart with records waiting)
    }

    /**
     * Writes the audit entry of every ticket record the hall store declined that has none yet (ADRs 0199, 0202): {@code
     * CHECK_IN_DECLINED} for a check-in, {@code TICKET_DECLINED} for a walk-in, each in the transaction that marks it
     * audited: once, whether the citizen was still at the kiosk (and was told, or given a new number) or had gone with
     * the ticket. The one path for both kinds: the shipper notes every decline in the journal with the receipt. Runs on
     * the shipper's thread after it noted a decline, at the kiosk after a decline it was waiting for, and when the
     * services are wired; a journal that cannot be written now leaves it for the next decline or start.
     */
    private void auditDeclines() {
        try {
            for (org.openkiosk.app.store.journal.Journal.Declined d : offline.journal().declinedNotAudited()) {
                org.openkiosk.app.store.journal.JournalRecord r = d.record();
                boolean written = offline.journal().store().inTransaction(c -> {
                    if (!offline.journal().markDeclineAudited(c, r.key(), clock.instant())) {
                        return false; // another thread wrote it
                    }
                    journalAudit.append(c, declineEntry(r, d.reason()));
                    offline.journal().store().requireDurableCommit(c);
                    return true;
                });
                if (written && !d.said()) { // at the kiosk the citizen is told next; else the ticket is out there
                    LOG.warn("the hall store declined {} record {} ({}): ticket {} of {}", r.kind(), r.key(),
                            d.reason(), r.field("ticket"), r.field("date"));
                }
            }
        } catch (org.openkiosk.app.store.StoreException e) {
            LOG.warn("declined ticket records cannot be audited now; trying again at the next decline or start: {}",
                    e.toString());
        }
    }

    /** The audit entry of a declined ticket record: by its kind, as the check-in or walk-in was audited. */
    private AuditEntry declineEntry(org.openkiosk.app.store.journal.JournalRecord r, String reason) {
        if (r.kind() == RecordKind.CHECK_IN) {
            return new AuditEntry(AuditAction.CHECK_IN_DECLINED, "booking:" + r.field("booking"), Map.of(
                    "ticket", r.field("ticket"), "record", r.key(), "declined", reason));
        }
        return new AuditEntry(AuditAction.TICKET_DECLINED, "ticket:" + r.field("ticket"), Map.of(
                "hall", r.fields().getOrDefault("hall", hallId), "record", r.key(), "declined", reason));
    }

    /**
     * The citizen at the kiosk was told of a decline, or given a new number: no ticket of the declined record is out
     * there, so no alarm (ADRs 0199, 0202). A journal failing now only costs a needless alarm.
     */
    private void declineSaid(org.openkiosk.app.store.journal.JournalRecord record) {
        auditDeclines(); // the shipper noted the decline with the receipt; its one audit entry is written here
        try {
            offline.journal().markDeclineSaid(record.key(), clock.instant());
        } catch (org.openkiosk.app.store.StoreException e) {
            LOG.warn("cannot note in the journal that the decline of {} was handled at the kiosk: {}", record.key(),
                    e.toString());
        }
    }

    /**
     * A hall kiosk's check-in (ADR 0173). The appointment was read from the hall store just now; the number comes
     * from the hall's counter (one UPDATE of its row, as a reserved block of one: a crash after it leaves a gap,
     * never a duplicate); the CHECK_IN record and its audit entry are then on the journal's disk before anything is
     * said. The record is forwarded at once: the hall store applies it only if the appointment is still booked, under
     * its row lock, so the same slip at two kiosks gives one ticket and the other kiosk says so. When the hall store
     * does not confirm in time, the ticket is printed as recorded here and not yet confirmed: it is never called
     * "checked in" until the hall store took it.
     */
    private TicketResult checkInThroughJournal(Booking booking, ServiceDefinition service, int priority,
                                               Instant now) {
        return checkInThroughJournal(booking, service, priority, now, 1);
    }

    /**
     * How many numbers a ticket gets at most when the hall store says another record held the first (ADR 0198): that
     * record came back from a kiosk after the hall store was restored and moved the counter past it.
     */
    private static final int NUMBERING_ATTEMPTS = 2;

    private TicketResult checkInThroughJournal(Booking booking, ServiceDefinition service, int priority,
                                               Instant now, int attempt) {
        long counters;
        long number;
        LocalDate day = now.atZone(catalogue.zone()).toLocalDate();
        String sequence = OfflineTickets.sequenceName(hallId, day, service.counterType());
        try {
            counters = countersOf(service);
            number = offline.numberFromCounter(sequence);
        } catch (StoreUnavailableException | org.openkiosk.app.service.platform.PlatformUnavailableException e) {
            throw hallOffline(e.getMessage()); // nothing decided, nothing journalled
        }
        String ticketNo = service.ticketPrefix() + String.format("%03d", number);
        org.openkiosk.app.store.journal.JournalRecord record = offline.journal().store().inTransaction(c -> {
            org.openkiosk.app.store.journal.JournalRecord r = offline.journal().append(c, RecordKind.CHECK_IN,
                    Map.of("hall", hallId, "date", day.toString(), "counterType", service.counterType(),
                            "ticket", ticketNo, "priority", Integer.toString(priority), "service", service.code(),
                            "booking", booking.code(), "issuedAt", now.toString()));
            journalAudit.append(c, new AuditEntry(AuditAction.CHECKED_IN, "booking:" + booking.code(), Map.of(
                    "ticket", ticketNo, "hall", hallId, "service", service.code(),
                    "priority", Boolean.toString(priority == PRIORITY_BOOKED), "holder", booking.holder().masked(),
                    "record", r.key())));
            return r;
        });
        OfflineTickets.Confirmation confirmation = offline.confirm(record);
        switch (confirmation.answer()) {
            case RENUMBER -> { // another record held the number (a restored hall store): nothing was printed yet
                String why = confirmation.declined().orElse("");
                LOG.warn("check-in of {}: the hall store declined ticket {} ({}); numbering it again", booking.code(),
                        ticketNo, why);
                declineSaid(record); // no ticket of that number was printed: no alarm
                if (attempt >= NUMBERING_ATTEMPTS) { // the appointment is still booked in the hall store
                    throw new CheckInException(CheckInException.Reason.NUMBERS_SETTLING, "the hall store is settling"
                            + " ticket numbers after a restore: two numbers for booking " + booking.code()
                            + " were held by other records (last: " + why + ")");
                }
                return checkInThroughJournal(booking, service, priority, now, attempt + 1);
            }
            case DECLINED -> {
                String why = confirmation.declined().orElse("");
                LOG.info("check-in of {} declined by the hall store ({}): no ticket {} given", booking.code(), why,
                        ticketNo);
                declineSaid(record); // the citizen is told here and nothing is printed: no alarm
                throw new CheckInException(declinedBecause(why),
                        "the hall store declined the check-in of booking " + booking.code() + " (" + why + ")");
            }
            case APPLIED -> {
                QueueTicket ticket = placeInQueue(record.key(), ticketNo, service, priority, day, now, counters, true);
                LOG.info("checked in {} → ticket {}", booking.code(), ticket.ticketNo());
                return new TicketResult(ticket, print(ticket));
            }
            default -> {
                LOG.info("check-in of {} → ticket {} journalled; the hall store has not confirmed it yet",
                        booking.code(), ticketNo);
                QueueTicket ticket = new QueueTicket(ticketNo, hallId, day, service.counterType(), service.code(),
                        service.titleZh(), priority == PRIORITY_BOOKED, QueueTicket.AHEAD_UNKNOWN, Duration.ZERO,
                        now, kioskId, true, confirmation.answer() == OfflineTickets.Answer.FORWARD_PENDING);
                return new TicketResult(ticket, print(ticket));
            }
        }
    }

    /**
     * A hall kiosk's walk-in (ADRs 0161, 0173): numbered by the hall's counter while it answers, else from this
     * kiosk's reserved block; journalled, forwarded at once, and placed in the queue when the hall store took it.
     */
    private TicketResult walkInThroughJournal(ServiceDefinition service, Instant now) {
        LocalDate day = now.atZone(catalogue.zone()).toLocalDate();
        String sequence = OfflineTickets.sequenceName(hallId, day, service.counterType());
        for (int attempt = 1; ; attempt++) {
            long counters;
            long number;
            try {
                if (offline.hallKnownUnreachable()) {
                    throw new StoreUnavailableException("the shipper cannot reach the hall store", null);
                }
                counters = countersOf(service);
                number = offline.numberFromCounter(sequence);
            } catch (StoreUnavailableException | org.openkiosk.app.service.platform.PlatformUnavailableException e) {
                LOG.info("hall store unreachable: walk-in ticket from this kiosk's reserved numbers ({})",
                        e.getMessage());
                QueueTicket ticket = walkInOffline(service, now);
                return new TicketResult(ticket, print(ticket));
            }
            String ticketNo = service.ticketPrefix() + String.format("%03d", number);
            org.openkiosk.app.store.journal.JournalRecord record = offline.journal().store().inTransaction(
                    c -> journalWalkIn(c, service, day, ticketNo, now));
            OfflineTickets.Confirmation confirmation = offline.confirm(record);
            if (confirmation.answer() == OfflineTickets.Answer.RENUMBER) {
                // another record held the number (a restored hall store, ADR 0198); nothing was printed yet
                String why = confirmation.declined().orElse("");
                LOG.warn("walk-in: the hall store declined ticket {} ({}); numbering it again", ticketNo, why);
                declineSaid(record); // audited once through the journal (ADR 0202); the citizen gets a new number
                if (attempt < NUMBERING_ATTEMPTS) {
                    continue;
                }
                QueueTicket ticket = walkInOffline(service, now); // this kiosk's reserved numbers
                return new TicketResult(ticket, print(ticket));
            }
            QueueTicket ticket = confirmation.answer() == OfflineTickets.Answer.APPLIED
                    ? placeInQueue(record.key(), ticketNo, service, PRIORITY_WALK_IN, day, now, counters, false)
                    : new QueueTicket(ticketNo, hallId, day, service.counterType(), service.code(),
                            service.titleZh(), false, QueueTicket.AHEAD_UNKNOWN, Duration.ZERO, now, kioskId, false,
                            confirmation.answer() == OfflineTickets.Answer.FORWARD_PENDING);
            offline.topUp(sequence);
            return new TicketResult(ticket, print(ticket));
        }
    }

    private org.openkiosk.app.store.journal.JournalRecord journalWalkIn(Connection c, ServiceDefinition service,
                                                                        LocalDate day, String ticketNo, Instant now)
            throws SQLException {
        org.openkiosk.app.store.journal.JournalRecord r = offline.journal().append(c, RecordKind.WALK_IN_TICKET,
                Map.of("hall", hallId, "date", day.toString(), "counterType", service.counterType(),
                        "ticket", ticketNo, "priority", Integer.toString(PRIORITY_WALK_IN), "service", service.code(),
                        "issuedAt", now.toString()));
        journalAudit.append(c, new AuditEntry(AuditAction.WALK_IN_TICKET, "ticket:" + ticketNo, Map.of(
                "hall", hallId, "service", service.code(), "record", r.key())));
        return r;
    }

    /**
     * What the citizen is told when the hall store declined a check-in: the appointment's status there, as the hall
     * wrote it ({@code booking CHECKED_IN}, {@code booking CANCELLED}, {@code booking NOT_FOUND}). Only a check-in by
     * another kiosk is called one; an appointment the hall does not have is "no booking here today".
     */
    static CheckInException.Reason declinedBecause(String declined) {
        String status = declined.substring(declined.lastIndexOf(' ') + 1); // the status is the reason's last word
        return switch (status) {
            case "CHECKED_IN" -> CheckInException.Reason.CHECKED_IN_ELSEWHERE;
            case "CANCELLED" -> CheckInException.Reason.CANCELLED;
            default -> CheckInException.Reason.NO_BOOKING_TODAY;
        };
    }

    /**
     * The place in the hall's queue of a ticket the hall store took. Its answer cannot be read (the hall went away
     * right after taking it): the ticket is shown with the queue unknown, which is true here.
     */
    private QueueTicket placeInQueue(String recordKey, String ticketNo, ServiceDefinition service, int priority,
                                     LocalDate day, Instant now, long counters, boolean checkIn) {
        int ahead;
        try {
            ahead = store.inTransaction(c -> {
                long id;
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM queue_ticket WHERE record_key = ?")) {
                    ps.setString(1, recordKey);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new SQLException("the hall store has no ticket of record " + recordKey);
                        }
                        id = rs.getLong(1);
                    }
                }
                return ahead(c, service, priority, day, id);
            });
        } catch (org.openkiosk.app.store.StoreException e) { // the ticket is issued: its place is only not known
            LOG.info("the place of ticket {} in the hall's queue cannot be read now: {}", ticketNo, e.getMessage());
            ahead = QueueTicket.AHEAD_UNKNOWN;
        }
        Duration wait = ahead == QueueTicket.AHEAD_UNKNOWN ? Duration.ZERO : estimatedWait(service, ahead, counters);
        return new QueueTicket(ticketNo, hallId, day, service.counterType(), service.code(), service.titleZh(),
                priority == PRIORITY_BOOKED, ahead, wait, now, kioskId, checkIn && ahead == QueueTicket.AHEAD_UNKNOWN);
    }

    /** Reserves walk-in numbers of every queue for today and tomorrow, while the hall store answers. */
    public void reserveOfflineNumbers() {
        if (offline == null) {
            return;
        }
        LocalDate today = today();
        for (String counterType : catalogue.services().stream().map(ServiceDefinition::counterType).distinct()
                .toList()) {
            offline.topUp(OfflineTickets.sequenceName(hallId, today, counterType));
            offline.topUp(OfflineTickets.sequenceName(hallId, today.plusDays(1), counterType));
        }
    }

    private QueueTicket walkInOffline(ServiceDefinition service, Instant now) {
        LocalDate today = now.atZone(catalogue.zone()).toLocalDate();
        String sequence = OfflineTickets.sequenceName(hallId, today, service.counterType());
        return offline.journal().store().inTransaction(c -> {
            long number = offline.take(c, sequence).orElseThrow(() -> new CheckInException(
                    CheckInException.Reason.OFFLINE_NO_NUMBERS, "no reserved walk-in numbers left for " + sequence));
            String ticketNo = service.ticketPrefix() + String.format("%03d", number);
            journalWalkIn(c, service, today, ticketNo, now);
            return new QueueTicket(ticketNo, hallId, today, service.counterType(), service.code(), service.titleZh(),
                    false, QueueTicket.AHEAD_UNKNOWN, Duration.ZERO, now, kioskId);
        });
    }

    /**
     * The counter calls the next ticket of its queue: booked-priority tickets first, then in issue order.
     * Returns the ticket number, empty when nobody waits.
     */
    public Optional<String> callNext(String counterType) {
        LocalDate today = today();
        return store.inTransaction(c -> {
            while (true) {
                Optional<Long> next = Optional.empty();
                String ticketNo = null;
                try (PreparedStatement ps = c.prepareStatement("SELECT id, ticket_no FROM queue_ticket"
                        + " WHERE hall_id = ? AND ticket_date = ? AND counter_type = ? AND status = 'WAITING'"
                        + " ORDER BY priority, id LIMIT 1")) {
                    ps.setString(1, hallId);
                    ps.setObject(2, today);
                    ps.setString(3, counterType);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            next = Optional.of(rs.getLong(1));
                            ticketNo = rs.getString(2);
                        }
                    }
                }
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                try (PreparedStatement call = c.prepareStatement(
                        "UPDATE queue_ticket SET status = 'CALLED' WHERE id = ? AND status = 'WAITING'")) {
                    call.setLong(1, next.get());
                    if (call.executeUpdate() == 1) {
                        return Optional.of(ticketNo);
                    }
                }
                // another counter called it first: look again
            }
        });
    }

    private QueueTicket issue(Connection c, ServiceDefinition service, int priority, Optional<Long> bookingId,
                              Instant now, long counters) throws SQLException {
        LocalDate today = now.atZone(catalogue.zone()).toLocalDate();
        long number = NumberSequences.next(c, OfflineTickets.sequenceName(hallId, today, service.counterType()));
        String ticketNo = service.ticketPrefix() + String.format("%03d", number);
        long id;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO queue_ticket (hall_id, ticket_date,"
                + " counter_type, ticket_no, priority, booking_id, service_code, issued_at, kiosk_id, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING')", new String[] {"id"})) {
            insert.setString(1, hallId);
            insert.setObject(2, today);
            insert.setString(3, service.counterType());
            insert.setString(4, ticketNo);
            insert.setInt(5, priority);
            if (bookingId.isPresent()) {
                insert.setLong(6, bookingId.get());
            } else {
                insert.setNull(6, java.sql.Types.BIGINT);
            }
            insert.setString(7, service.code());
            insert.setObject(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.setString(9, kioskId);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        int ahead = ahead(c, service, priority, today, id);
        return new QueueTicket(ticketNo, hallId, today, service.counterType(), service.code(), service.titleZh(),
                priority == PRIORITY_BOOKED, ahead, estimatedWait(service, ahead, counters), now, kioskId);
    }

    /** Waiting tickets of the queue called before the ticket with hall id {@code id}. */
    private int ahead(Connection c, ServiceDefinition service, int priority, LocalDate day, long id)
            throws SQLException {
        try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM queue_ticket WHERE hall_id = ?"
                + " AND ticket_date = ? AND counter_type = ? AND status = 'WAITING'"
                + " AND (priority < ? OR (priority = ? AND id < ?))")) {
            count.setString(1, hallId);
            count.setObject(2, day);
            count.setString(3, service.counterType());
            count.setInt(4, priority);
            count.setInt(5, priority);
            count.setLong(6, id);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** People ahead × average service time, shared by the counters of this queue (at least one). */
    static Duration estimatedWait(ServiceDefinition service, int peopleAhead, long counters) {
        long minutes = (long) Math.ceil(peopleAhead * (double) service.averageServiceMinutes() / Math.max(1, counters));
        return Duration.ofMinutes(minutes);
    }

    /** Counters serving this queue, asked before a transaction opens (the platform may need a connection too). */
    private long countersOf(ServiceDefinition service) {
        return platform.hall(hallId).map(h -> h.countersOfType(service.counterType())).orElse(1L);
    }

    /** Whether a check-in at {@code now} is near enough to the booked slot to go ahead of walk-ins. */
    boolean withinWindow(Booking booking, Instant now) {
        CheckInWindow window = catalogue.checkIn();
        Instant slotStart = ZonedDateTime.of(booking.date(), booking.start(), catalogue.zone()).toInstant();
        return !now.isBefore(slotStart.minus(window.early())) && !now.isAfter(slotStart.plus(window.late()));
    }

    private ServiceDefinition service(String code) {
        return catalogue.service(code).orElseThrow(() -> new CheckInException(
                CheckInException.Reason.UNKNOWN_SERVICE, "no service " + code));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(catalogue.zone()));
    }

    private PrintOutcome print(QueueTicket ticket) {
        try {
            PrintOutcome outcome = receipts.printTicket(ticket);
            if (!outcome.printed()) {
                LOG.warn("ticket {} not printed: {}", ticket.ticketNo(), outcome.failureReason());
            }
            return outcome;
        } catch (RuntimeException e) {
            LOG.warn("ticket {} not printed", ticket.ticketNo(), e);
            return PrintOutcome.failed("receipt printer error: " + e.getMessage());
        }
    }
}
