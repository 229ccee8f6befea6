package org.openkiosk.app.runtime;

/**
 * The kiosk cannot serve at all: the store cannot be opened or the service catalogue is invalid. The code is
 * what the out-of-service screen shows ({@code E-STORE}, {@code E-CONFIG}); the message names the cause.
 */
public final class RuntimeStartException extends RuntimeException {

    public static final String STORE = "E-STORE";
    public static final String CONFIG = "E-CONFIG";

    private final String code;

    public RuntimeStartException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
