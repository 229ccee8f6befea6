package org.openkiosk.app.service.certificate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.openkiosk.device.idcard.IdNumber;

/**
 * The pseudonymous key print records use instead of the ID number: SHA-256 of a fixed label and the number.
 * Enough to count one person's prints; the number itself is not stored with the print.
 */
final class HolderKey {

    private HolderKey() {}

    static String of(IdNumber idNumber) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(("openkiosk/print-holder/v1:" + idNumber.value())
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
