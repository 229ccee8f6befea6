package org.openkiosk.app.service.appointment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openkiosk.app.service.audit.AuditAction;
import org.openkiosk.app.service.audit.AuditEntry;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.service.catalogue.ServiceCatalogue;
import org.openkiosk.app.service.catalogue.ServiceDefinition;
import org.openkiosk.app.service.identity.AccessPolicy;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.identity.ProtectedService;
import org.openkiosk.app.service.platform.Hall;
import org.openkiosk.app.service.platform.ServicePlatform;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.app.service.port.ReceiptPort;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appointments: what can be booked, book, cancel, reschedule. Each change is one transaction together with
 * its audit record; the slip is printed after the commit (a failed slip does not undo a booking — the
 * citizen can still check in with the ID card).
 */
public final class AppointmentService {

    private static final Logger LOG = LoggerFactory.getLogger(AppointmentService.class);

    private final Store store;
    private final BookingRepository bookings;
    private final ServiceCatalogue catalogue;
    private final ServicePlatform platform;
    private final ReceiptPort receipts;
    private final AuditLog audit;
    private final Clock clock;
    private final String kioskId;
    private final AccessPolicy access;

    public AppointmentService(Store store, BookingRepository bookings, ServiceCatalogue catalogue,
                              ServicePlatform platform, ReceiptPort receipts, AuditLog audit, Clock clock,
                              String kioskId) {
        this.store = store;
        this.bookings = bookings;
        this.catalogue = catalogue;
        this.platform = platform;
        this.receipts = receipts;
        this.audit = audit;
        this.clock = clock;
        this.kioskId = kioskId;
        this.access = new AccessPolicy(catalogue);
    }

    /** Services that take appointments. */
    public List<ServiceDefinition> bookableServices() {
        return catalogue.bookableServices();
    }

    /** Every slot of a day with its free seats and, if it cannot be booked now, why. */
    public List<SlotAvailability> day(String serviceCode, String hallId, LocalDate date) {
        SlotPlanner planner = planner(serviceCode);
        int capacity = planner.rules().capacityPerSlot();
        Map<LocalTime, Integer> booked = bookings.bookedSeats(hallId, serviceCode, date);
        Instant now = clock.instant();
        List<SlotAvailability> result = new ArrayList<>();
        for (LocalTime start : planner.slotStarts(date)) {
            int free = Math.max(0, capacity - booked.getOrDefault(start, 0));
            Optional<AppointmentException.Reason> refusal = planner.refusalToBook(date, start, now)
                    .map(AppointmentException::reason);
            if (refusal.isEmpty() && free == 0) {
                refusal = Optional.of(AppointmentException.Reason.SLOT_FULL);
            }
            result.add(new SlotAvailability(start, planner.endOf(start), capacity, free, refusal));
        }
        return result;
    }

    /** Days from today to the horizon that have at least one bookable slot with a free seat. */
    public List<LocalDate> daysWithFreeSeats(String serviceCode, String hallId) {
        SlotPlanner planner = planner(serviceCode);
        LocalDate today = LocalDate.now(clock.withZone(catalogue.zone()));
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < planner.rules().horizonDays(); i++) {
            LocalDate date = today.plusDays(i);
            if (day(serviceCode, hallId, date).stream().anyMatch(SlotAvailability::bookable)) {
                days.add(date);
            }
        }
        return days;
    }

    /**
     * Books a seat and prints the slip.
     *
     * @throws AppointmentException SLOT_FULL, ALREADY_BOOKED, LEAD_TIME, CUT_OFF, NOT_OFFERED, …
     * @throws StoreException       when the database fails (nothing is booked then)
     */
    public BookingResult book(Identity who, String serviceCode, String hallId, LocalDate date, LocalTime start) {
        try {
            return bookOnline(who, serviceCode, hallId, date, start);
        } catch (RuntimeException e) {
            if (hallStoreUnreachable(e)) {
                // the seat count is shared by the hall's kiosks: no offline booking; say so and offer a walk-in ticket
                throw new AppointmentException(AppointmentException.Reason.HALL_OFFLINE,
                        "the hall store cannot be reached: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static boolean hallStoreUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.openkiosk.app.store.StoreUnavailableException) {
                return true;
            }
        }
        return false;
    }

    private BookingResult bookOnline(Identity who, String serviceCode, String hallId, LocalDate date,
                                     LocalTime start) {
        access.require(ProtectedService.BOOKING, Optional.of(who), Optional.empty());
        ServiceDefinition service = bookableService(serviceCode);
        Hall hall = hall(hallId);
        SlotPlanner planner = planner(serviceCode);
        Instant now = clock.instant();
        planner.refusalToBook(date, start, now).ifPresent(refusal -> {
            throw refusal;
        });
        String code = BookingCodes.next();
        Booking booking = bookSeat(who, serviceCode, hallId, date, start, planner, now, code);
        LOG.info("booked {} for {}", booking.code(), who.idNumber());
        AppointmentSlip slip = slip(booking, service, hall, planner);
        return new BookingResult(booking, slip, printSlip(slip));
    }

    private Booking bookSeat(Identity who, String serviceCode, String hallId, LocalDate date, LocalTime start,
                             SlotPlanner planner, Instant now, String code) {
        return store.inTransaction(c -> {
            long slotId = bookings.takeSeat(c, hallId, serviceCode, date, start, planner.rules().capacityPerSlot());
            long id = bookings.insert(c, code, slotId, hallId, serviceCode, who.idNumber(),
                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC), kioskId);
            audit.append(c, new AuditEntry(AuditAction.BOOKED, "booking:" + code, Map.of(
                    "service", serviceCode, "hall", hallId, "slot", date + "T" + start,
                    "holder", who.idNumber().masked())));
            return new Booking(id, code, serviceCode, hallId, date, start, BookingStatus.BOOKED, who.idNumber());
        });
    }

    /** Cancels the person's active booking before the cut-off. */
    public Booking cancel(Identity who, String bookingCode) {
        access.require(ProtectedService.CANCEL, Optional.of(who), Optional.of(bookingCode));
        Booking booking = ownActiveBooking(who, bookingCode);
        planner(booking.serviceCode()).refusalToChange(booking.date(), booking.start(), clock.instant())
                .ifPresent(refusal -> {
                    throw refusal;
                });
        store.inTransaction(c -> {
            if (!bookings.finish(c, booking.id(), BookingStatus.CANCELLED)) {
                throw notActive(bookingCode);
            }
            bookings.releaseSeat(c, bookings.slotIdOf(c, booking.id()));
            audit.append(c, new AuditEntry(AuditAction.CANCELLED, "booking:" + bookingCode, Map.of(
                    "service", booking.serviceCode(), "hall", booking.hallId(),
                    "slot", booking.date() + "T" + booking.start(), "holder", who.idNumber().masked())));
            return null;
        });
        LOG.info("cancelled {} for {}", bookingCode, who.idNumber());
        return new Booking(booking.id(), booking.code(), booking.serviceCode(), booking.hallId(), booking.date(),
                booking.start(), BookingStatus.CANCELLED, booking.holder());
    }

    /** Moves the person's active booking to another slot of the same service and hall, in one transaction. */
    public BookingResult reschedule(Identity who, String bookingCode, LocalDate newDate, LocalTime newStart) {
        access.require(ProtectedService.CANCEL, Optional.of(who), Optional.of(bookingCode));
        Booking booking = ownActiveBooking(who, bookingCode);
        ServiceDefinition service = bookableService(booking.serviceCode());
        SlotPlanner planner = planner(booking.serviceCode());
        Instant now = clock.instant();
        planner.refusalToChange(booking.date(), booking.start(), now).ifPresent(refusal -> {
            throw refusal;
        });
        planner.refusalToBook(newDate, newStart, now).ifPresent(refusal -> {
            throw refusal;
        });
        store.inTransaction(c -> {
            long oldSlot = bookings.slotIdOf(c, booking.id());
            long newSlot = bookings.takeSeat(c, booking.hallId(), booking.serviceCode(), newDate, newStart,
                    planner.rules().capacityPerSlot());
            if (newSlot == oldSlot) {
                throw new AppointmentException(AppointmentException.Reason.NOT_OFFERED,
                        "the booking already is in that slot");
            }
            if (!bookings.move(c, booking.id(), newSlot)) {
                throw notActive(bookingCode);
            }
            bookings.releaseSeat(c, oldSlot);
            audit.append(c, new AuditEntry(AuditAction.RESCHEDULED, "booking:" + bookingCode, Map.of(
                    "service", booking.serviceCode(), "hall", booking.hallId(),
                    "from", booking.date() + "T" + booking.start(), "to", newDate + "T" + newStart,
                    "holder", who.idNumber().masked())));
            return null;
        });
        Booking moved = new Booking(booking.id(), booking.code(), booking.serviceCode(), booking.hallId(), newDate,
                newStart, BookingStatus.BOOKED, booking.holder());
        AppointmentSlip slip = slip(moved, service, hall(booking.hallId()), planner);
        return new BookingResult(moved, slip, printSlip(slip));
    }

    private Booking ownActiveBooking(Identity who, String bookingCode) {
        Booking booking = bookings.byCode(bookingCode)
                .filter(b -> b.holder().equals(who.idNumber()))
                .orElseThrow(() -> new AppointmentException(AppointmentException.Reason.NOT_FOUND,
                        "you have no booking " + bookingCode));
        if (booking.status() != BookingStatus.BOOKED) {
            throw notActive(bookingCode);
        }
        return booking;
    }

    private static AppointmentException notActive(String bookingCode) {
        return new AppointmentException(AppointmentException.Reason.NOT_ACTIVE,
                "booking " + bookingCode + " is cancelled or already used");
    }

    private AppointmentSlip slip(Booking booking, ServiceDefinition service, Hall hall, SlotPlanner planner) {
        return new AppointmentSlip(booking.code(), booking.qrPayload(), service.titleZh(), service.titleEn(),
                hall.nameZh(), booking.date(), booking.start(), planner.endOf(booking.start()),
                booking.holder().masked(), clock.instant(), kioskId);
    }

    private PrintOutcome printSlip(AppointmentSlip slip) {
        try {
            PrintOutcome outcome = receipts.printSlip(slip);
            if (!outcome.printed()) {
                LOG.warn("slip for booking {} not printed: {}", slip.bookingCode(), outcome.failureReason());
            }
            return outcome;
        } catch (RuntimeException e) {
            LOG.warn("slip for booking {} not printed", slip.bookingCode(), e);
            return PrintOutcome.failed("receipt printer error: " + e.getMessage());
        }
    }

    private ServiceDefinition bookableService(String serviceCode) {
        ServiceDefinition service = catalogue.service(serviceCode).orElseThrow(() -> new AppointmentException(
                AppointmentException.Reason.UNKNOWN, "no service " + serviceCode));
        if (!service.bookable()) {
            throw new AppointmentException(AppointmentException.Reason.NOT_BOOKABLE,
                    service.titleEn() + " takes no appointments; take a ticket at the kiosk");
        }
        return service;
    }

    private SlotPlanner planner(String serviceCode) {
        return new SlotPlanner(bookableService(serviceCode).appointment(), catalogue.zone());
    }

    private Hall hall(String hallId) {
        return platform.hall(hallId).orElseThrow(() -> new AppointmentException(AppointmentException.Reason.UNKNOWN,
                "no hall " + hallId));
    }
}
