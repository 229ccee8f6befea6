package org.openkiosk.app.store;

/** A database operation failed; the transaction it ran in was rolled back, so nothing is half-done. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
