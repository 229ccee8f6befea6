package org.openkiosk.app.service.certificate;

import org.openkiosk.app.service.platform.Entitlement;

/**
 * A certificate a person may print here, with how many prints remain.
 *
 * @param printed   successful (or still pending) prints so far
 * @param remaining prints left (first print plus reprints, minus printed)
 */
public record PrintableCertificate(Entitlement entitlement, int printed, int remaining) {

    public boolean canPrint() {
        return remaining > 0;
    }
}
