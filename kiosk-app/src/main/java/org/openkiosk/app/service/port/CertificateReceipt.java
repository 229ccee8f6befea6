package org.openkiosk.app.service.port;

import java.time.Instant;

/**
 * The small receipt a citizen may take after an A4 certificate printed: what was printed, its number (to
 * verify it later) and how many more prints remain. Holds no name or ID number.
 */
public record CertificateReceipt(String titleZh, String certificateNumber, int remainingPrints, Instant printedAt,
                                 String kioskId) {}
