package org.openkiosk.device;

/**
 * A device operation failed. Carries the technician-facing cause (in the message), the recommended action
 * and whether retrying can help. Citizen-facing wording is chosen by the UI from {@link #action()}.
 */
public class DeviceException extends Exception {

    private final RecommendedAction action;
    private final boolean retryable;

    public DeviceException(String message, RecommendedAction action, boolean retryable) {
        super(message);
        this.action = action;
        this.retryable = retryable;
    }

    public DeviceException(String message, RecommendedAction action, boolean retryable, Throwable cause) {
        super(message, cause);
        this.action = action;
        this.retryable = retryable;
    }

    public RecommendedAction action() {
        return action;
    }

    public boolean retryable() {
        return retryable;
    }
}
