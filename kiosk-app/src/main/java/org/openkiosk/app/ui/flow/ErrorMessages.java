package org.openkiosk.app.ui.flow;

import java.util.Locale;
import org.openkiosk.app.service.appointment.AppointmentException;
import org.openkiosk.app.service.certificate.CertificateException;
import org.openkiosk.app.service.identity.IdentificationException;
import org.openkiosk.app.service.platform.PlatformException;
import org.openkiosk.app.service.queue.CheckInException;
import org.openkiosk.app.store.StoreException;

/**
 * The bundle key of the message a citizen sees for a failure. Every such message says what to do next; the
 * technical cause goes to the log only.
 */
public final class ErrorMessages {

    private ErrorMessages() {}

    public static String keyOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String key = direct(t);
            if (key != null) {
                return key;
            }
        }
        return "error.unexpected";
    }

    private static String direct(Throwable t) {
        if (t instanceof IdentificationException e) {
            return "error.identify." + lower(e.reason());
        }
        if (t instanceof org.openkiosk.app.service.identity.AttemptsLimitedException) {
            return "error.attempts.limited";
        }
        if (t instanceof org.openkiosk.app.service.identity.AssuranceException e) {
            return "error.assurance." + lower(e.required());
        }
        if (t instanceof CertificateException e) {
            return "error.certificate." + lower(e.reason());
        }
        if (t instanceof AppointmentException e) {
            return "error.appointment." + lower(e.reason());
        }
        if (t instanceof CheckInException e) {
            return "error.checkin." + lower(e.reason());
        }
        if (t instanceof org.openkiosk.app.store.StoreUnavailableException) {
            return "error.store.offline";
        }
        if (t instanceof StoreException || t instanceof PlatformException) {
            return "error.unavailable";
        }
        return null;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
