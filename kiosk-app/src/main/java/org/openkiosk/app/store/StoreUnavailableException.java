package org.openkiosk.app.store;

/**
 * The database cannot be reached (server down, wrong address, file locked by another process). The kiosk
 * should say "this service is unavailable, please try later" rather than show a stack trace.
 */
public class StoreUnavailableException extends StoreException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
