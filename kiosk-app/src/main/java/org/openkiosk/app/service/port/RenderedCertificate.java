package org.openkiosk.app.service.port;

/**
 * A rendered certificate.
 *
 * @param pdf               the PDF document
 * @param certificateNumber the number printed on it (and encoded in its verification code)
 * @param sha256            SHA-256 of the PDF, lower-case hex; recorded with the print
 */
public record RenderedCertificate(byte[] pdf, String certificateNumber, String sha256) {}
