package org.openkiosk.app.service.platform;

import java.util.Objects;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.privacy.Masking;

/** A person known to the platform. {@link #toString()} is masked. */
public record Citizen(IdNumber idNumber, String name) {

    public Citizen {
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "Citizen[" + idNumber + ", " + Masking.name(name) + "]";
    }
}
