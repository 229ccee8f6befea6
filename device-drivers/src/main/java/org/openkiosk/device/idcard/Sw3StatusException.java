package org.openkiosk.device.idcard;

import java.io.IOException;
import java.util.Optional;

/** The module answered with an SW3 code that is not the success expected for the command. */
public class Sw3StatusException extends IOException {

    private final int code;

    public Sw3StatusException(String command, int code) {
        super(command + " failed with " + Sw3Status.describe(code));
        this.code = code & 0xFF;
    }

    public int code() {
        return code;
    }

    /** Empty for a code the specification does not list. */
    public Optional<Sw3Status> status() {
        return Sw3Status.of(code);
    }

    /** Unknown codes count as module faults: we cannot tell what the module means. */
    public Sw3Status.Category category() {
        return status().map(Sw3Status::category).orElse(Sw3Status.Category.MODULE_FAULT);
    }
}
