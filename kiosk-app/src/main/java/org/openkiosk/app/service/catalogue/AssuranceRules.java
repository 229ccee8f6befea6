package org.openkiosk.app.service.catalogue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.openkiosk.app.service.identity.AssuranceLevel;
import org.openkiosk.app.service.identity.ProtectedService;

/**
 * The {@code assurance} section of {@code services.yaml}: the least proof of identity each service needs
 * ({@code none}, {@code typed-number}, {@code slip}, {@code card}, {@code card-and-face}; {@code none} only for
 * the certificate check). A key left out takes its safe
 * default ({@link ProtectedService#safeDefault()}); certificate types state theirs on their own entry.
 */
public record AssuranceRules(String guides, String walkInTicket, String checkIn, String progress,
                             String myAppointments, String myCertificates, String booking, String cancel,
                             String certificateCheck) {

    /** The certificate check at its default ({@code none}). */
    public AssuranceRules(String guides, String walkInTicket, String checkIn, String progress,
                          String myAppointments, String myCertificates, String booking, String cancel) {
        this(guides, walkInTicket, checkIn, progress, myAppointments, myCertificates, booking, cancel, null);
    }

    /** Every service at its safe default. */
    public static AssuranceRules defaults() {
        return new AssuranceRules(null, null, null, null, null, null, null, null, null);
    }

    /** The configured least level of a service (its safe default when not stated or not valid). */
    public AssuranceLevel levelOf(ProtectedService service) {
        return AssuranceLevel.parse(raw().get(service)).orElse(service.safeDefault());
    }

    private Map<ProtectedService, String> raw() {
        Map<ProtectedService, String> raw = new EnumMap<>(ProtectedService.class);
        raw.put(ProtectedService.GUIDES, guides);
        raw.put(ProtectedService.WALK_IN_TICKET, walkInTicket);
        raw.put(ProtectedService.CHECK_IN, checkIn);
        raw.put(ProtectedService.PROGRESS, progress);
        raw.put(ProtectedService.MY_APPOINTMENTS, myAppointments);
        raw.put(ProtectedService.MY_CERTIFICATES, myCertificates);
        raw.put(ProtectedService.BOOKING, booking);
        raw.put(ProtectedService.CANCEL, cancel);
        raw.put(ProtectedService.CERTIFICATE_CHECK, certificateCheck);
        return raw;
    }

    /** A stated level's problem where at least {@code weakestAllowed} is needed: message and hint, if any. */
    record Problem(String message, String hint) {}

    static Optional<Problem> problem(String value, AssuranceLevel weakestAllowed, boolean faceVerification) {
        var level = AssuranceLevel.parse(value);
        if (level.isEmpty()) {
            return Optional.of(new Problem("'" + value + "' is no assurance level",
                    "one of " + AssuranceLevel.spellings()));
        }
        if (level.get() == AssuranceLevel.CARD_AND_FACE && !faceVerification) {
            return Optional.of(new Problem("card-and-face needs face verification (人证核验), but kiosk.yaml"
                    + " configures no faceVerifier device", "add devices.faceVerifier, or use card"));
        }
        if (!level.get().atLeast(weakestAllowed)) {
            return Optional.of(new Problem(value + " is too weak here (" + (level.get() == AssuranceLevel.SLIP
                    ? "a slip proves only its own booking" : level.get() == AssuranceLevel.NONE
                    ? "none is only for the certificate check" : "anyone can type a neighbour's number") + ")",
                    "use " + weakestAllowed.configName() + " or stronger"));
        }
        return Optional.empty();
    }
}
