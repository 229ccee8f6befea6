package org.openkiosk.app.ui;

import java.time.LocalDate;
import org.openkiosk.app.service.appointment.BookingResult;
import org.openkiosk.app.service.appointment.SlotAvailability;
import org.openkiosk.app.service.certificate.IssueResult;
import org.openkiosk.app.service.platform.Entitlement;
import org.openkiosk.app.service.queue.TicketResult;
import org.openkiosk.app.session.KioskService;
import org.openkiosk.app.ui.nav.Screen;
import org.openkiosk.app.ui.screens.appointment.BookConfirmScreen;
import org.openkiosk.app.ui.screens.appointment.BookDayScreen;
import org.openkiosk.app.ui.screens.appointment.BookServiceScreen;
import org.openkiosk.app.ui.screens.appointment.BookSlotScreen;
import org.openkiosk.app.ui.screens.appointment.BookedScreen;
import org.openkiosk.app.ui.screens.attract.AttractScreen;
import org.openkiosk.app.ui.screens.certificate.CertificateListScreen;
import org.openkiosk.app.ui.screens.certificate.CertificateOutcomeScreen;
import org.openkiosk.app.ui.screens.certificate.CertificatePreviewScreen;
import org.openkiosk.app.ui.screens.checkin.CheckInScreen;
import org.openkiosk.app.ui.screens.checkin.TicketScreen;
import org.openkiosk.app.ui.screens.checkin.WalkInScreen;
import org.openkiosk.app.ui.screens.finish.LeavingScreen;
import org.openkiosk.app.ui.screens.finish.RatingScreen;
import org.openkiosk.app.ui.screens.identify.IdentifyScreen;
import org.openkiosk.app.ui.screens.identify.IdentityConfirmedScreen;
import org.openkiosk.app.ui.screens.queries.GuidesScreen;
import org.openkiosk.app.ui.screens.queries.MyAppointmentsScreen;
import org.openkiosk.app.ui.screens.queries.ProgressScreen;
import org.openkiosk.app.ui.screens.queries.QueriesMenuScreen;

/**
 * Creates fresh screens; the one place that knows every screen class. Flows ask it for the next screen
 * ({@code ctx.navigator().show(ctx.screens().identify(service))}) instead of constructing screens themselves.
 */
public final class ScreenFactory {

    private final UiContext ctx;

    public ScreenFactory(UiContext ctx) {
        this.ctx = ctx;
    }

    public Screen attract() {
        return new AttractScreen(ctx);
    }

    /** @param service null when the citizen placed a card on the attract screen before choosing */
    public Screen identify(KioskService service) {
        return new IdentifyScreen(ctx, service);
    }

    /** 人证核验 after a card read; the screen wipes the reference when it goes. */
    public Screen faceVerification(KioskService service, org.openkiosk.app.service.identity.Identity card,
                                   org.openkiosk.device.face.FaceReference reference,
                                   org.openkiosk.device.face.FaceVerifier verifier) {
        return new org.openkiosk.app.ui.screens.identify.FaceVerificationScreen(ctx, service, card, reference, verifier);
    }

    public Screen identityConfirmed(KioskService service) {
        return new IdentityConfirmedScreen(ctx, service);
    }

    /** The first screen of a service once the citizen is identified. */
    public Screen start(KioskService service) {
        return switch (service) {
            case QUERIES -> queries();
            case CERTIFICATE_PRINTING -> certificateList();
            case APPOINTMENTS -> bookService();
            case CHECK_IN -> checkIn();
            case CERTIFICATE_CHECK -> certificateCheck();
        };
    }

    /** 证明核验: hold the certificate's code under the scanner or put the page on the document scanner. */
    public Screen certificateCheck() {
        return new org.openkiosk.app.ui.screens.certificate.CertificateCheckScreen(ctx);
    }

    public Screen certificateCheckResult(org.openkiosk.app.certificate.VerificationResult result) {
        return new org.openkiosk.app.ui.screens.certificate.CertificateCheckResultScreen(ctx, result);
    }

    public Screen queries() {
        return new QueriesMenuScreen(ctx);
    }

    public Screen progress() {
        return new ProgressScreen(ctx);
    }

    public Screen myAppointments() {
        return new MyAppointmentsScreen(ctx);
    }

    public Screen guides() {
        return new GuidesScreen(ctx);
    }

    public Screen certificateList() {
        return new CertificateListScreen(ctx);
    }

    public Screen certificatePreview(Entitlement certificate) {
        return new CertificatePreviewScreen(ctx, certificate);
    }

    public Screen certificateOutcome(Entitlement certificate, IssueResult result) {
        return new CertificateOutcomeScreen(ctx, certificate, result);
    }

    public Screen bookService() {
        return new BookServiceScreen(ctx);
    }

    /** @param rescheduling the booking being moved, or null for a new one */
    public Screen bookDay(String serviceCode, String rescheduling) {
        return new BookDayScreen(ctx, serviceCode, rescheduling);
    }

    public Screen bookSlot(String serviceCode, LocalDate day, String rescheduling) {
        return new BookSlotScreen(ctx, serviceCode, day, rescheduling);
    }

    public Screen bookConfirm(String serviceCode, LocalDate day, SlotAvailability slot, String rescheduling) {
        return new BookConfirmScreen(ctx, serviceCode, day, slot, rescheduling);
    }

    public Screen booked(BookingResult result) {
        return new BookedScreen(ctx, result);
    }

    public Screen checkIn() {
        return new CheckInScreen(ctx);
    }

    public Screen walkIn() {
        return new WalkInScreen(ctx);
    }

    public Screen ticket(TicketResult result) {
        return new TicketScreen(ctx, result);
    }

    public Screen rating() {
        return new RatingScreen(ctx);
    }

    public Screen leaving() {
        return new LeavingScreen(ctx);
    }

    /**
     * The attract screen; or "out of service" — E-MAINT while a technician has taken the kiosk out of service,
     * E-DEV-&lt;name&gt; while a required device is not usable. Reads only last-known health: no I/O.
     */
    public Screen home() {
        if (ctx.maintenance() != null && !ctx.maintenance().serviceState().inService()) {
            return new org.openkiosk.app.ui.screens.maintenance.MaintenanceOutOfServiceScreen(ctx);
        }
        java.util.List<org.openkiosk.app.runtime.DeviceProblem> problems =
                ctx.hasRuntime() ? ctx.runtime().deviceProblems() : java.util.List.of();
        return problems.isEmpty() ? attract()
                : new org.openkiosk.app.ui.screens.outofservice.DeviceTroubleScreen(ctx, problems);
    }

    public Screen maintenancePin() {
        return new org.openkiosk.app.ui.screens.maintenance.PinScreen(ctx);
    }

    public Screen maintenance() {
        return new org.openkiosk.app.ui.screens.maintenance.MaintenanceScreen(ctx);
    }
}
