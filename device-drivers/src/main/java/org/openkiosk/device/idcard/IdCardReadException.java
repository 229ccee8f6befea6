package org.openkiosk.device.idcard;

import java.util.Optional;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.RecommendedAction;

/** A card read failed on the device side; carries the SW3 code when the module reported one. */
public class IdCardReadException extends DeviceException {

    private final Integer sw3;

    public IdCardReadException(String message, RecommendedAction action, boolean retryable, Integer sw3, Throwable cause) {
        super(message, action, retryable, cause);
        this.sw3 = sw3;
    }

    static IdCardReadException of(Sw3StatusException e) {
        RecommendedAction action = e.status().map(Sw3Status::action).orElse(RecommendedAction.CALL_MAINTENANCE);
        boolean retryable = e.category() != Sw3Status.Category.MODULE_FAULT;
        return new IdCardReadException(e.getMessage(), action, retryable, e.code(), e);
    }

    /** The module's SW3 code, when the failure came from the module. */
    public Optional<Integer> sw3() {
        return Optional.ofNullable(sw3);
    }

    public Optional<Sw3Status> sw3Status() {
        return sw3().flatMap(Sw3Status::of);
    }
}
