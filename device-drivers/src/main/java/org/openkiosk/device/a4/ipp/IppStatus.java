package org.openkiosk.device.a4.ipp;

import java.util.Optional;

/**
 * IPP status codes (RFC 8011 §5.4.15 "status-code", RFC 3380, RFC 3995, PWG 5100.5, 5100.13 and 5100.18), with
 * the keyword CUPS and ipptool print. A code not listed here is described by its class
 * ({@link #describe(int)}).
 */
public enum IppStatus implements IppEnum {
    SUCCESSFUL_OK(0x0000),
    SUCCESSFUL_OK_IGNORED_OR_SUBSTITUTED_ATTRIBUTES(0x0001),
    SUCCESSFUL_OK_CONFLICTING_ATTRIBUTES(0x0002),
    SUCCESSFUL_OK_IGNORED_SUBSCRIPTIONS(0x0003),
    SUCCESSFUL_OK_TOO_MANY_EVENTS(0x0005),
    SUCCESSFUL_OK_EVENTS_COMPLETE(0x0007),

    CLIENT_ERROR_BAD_REQUEST(0x0400),
    CLIENT_ERROR_FORBIDDEN(0x0401),
    CLIENT_ERROR_NOT_AUTHENTICATED(0x0402),
    CLIENT_ERROR_NOT_AUTHORIZED(0x0403),
    CLIENT_ERROR_NOT_POSSIBLE(0x0404),
    CLIENT_ERROR_TIMEOUT(0x0405),
    CLIENT_ERROR_NOT_FOUND(0x0406),
    CLIENT_ERROR_GONE(0x0407),
    CLIENT_ERROR_REQUEST_ENTITY_TOO_LARGE(0x0408),
    CLIENT_ERROR_REQUEST_VALUE_TOO_LONG(0x0409),
    CLIENT_ERROR_DOCUMENT_FORMAT_NOT_SUPPORTED(0x040A),
    CLIENT_ERROR_ATTRIBUTES_OR_VALUES_NOT_SUPPORTED(0x040B),
    CLIENT_ERROR_URI_SCHEME_NOT_SUPPORTED(0x040C),
    CLIENT_ERROR_CHARSET_NOT_SUPPORTED(0x040D),
    CLIENT_ERROR_CONFLICTING_ATTRIBUTES(0x040E),
    CLIENT_ERROR_COMPRESSION_NOT_SUPPORTED(0x040F),
    CLIENT_ERROR_COMPRESSION_ERROR(0x0410),
    CLIENT_ERROR_DOCUMENT_FORMAT_ERROR(0x0411),
    CLIENT_ERROR_DOCUMENT_ACCESS_ERROR(0x0412),
    CLIENT_ERROR_ATTRIBUTES_NOT_SETTABLE(0x0413),
    CLIENT_ERROR_IGNORED_ALL_SUBSCRIPTIONS(0x0414),
    CLIENT_ERROR_TOO_MANY_SUBSCRIPTIONS(0x0415),
    CLIENT_ERROR_DOCUMENT_PASSWORD_ERROR(0x0418),
    CLIENT_ERROR_DOCUMENT_PERMISSION_ERROR(0x0419),
    CLIENT_ERROR_DOCUMENT_SECURITY_ERROR(0x041A),
    CLIENT_ERROR_DOCUMENT_UNPRINTABLE_ERROR(0x041B),
    CLIENT_ERROR_ACCOUNT_INFO_NEEDED(0x041C),
    CLIENT_ERROR_ACCOUNT_CLOSED(0x041D),
    CLIENT_ERROR_ACCOUNT_LIMIT_REACHED(0x041E),
    CLIENT_ERROR_ACCOUNT_AUTHORIZATION_FAILED(0x041F),
    CLIENT_ERROR_NOT_FETCHABLE(0x0420),

    SERVER_ERROR_INTERNAL_ERROR(0x0500),
    SERVER_ERROR_OPERATION_NOT_SUPPORTED(0x0501),
    SERVER_ERROR_SERVICE_UNAVAILABLE(0x0502),
    SERVER_ERROR_VERSION_NOT_SUPPORTED(0x0503),
    SERVER_ERROR_DEVICE_ERROR(0x0504),
    SERVER_ERROR_TEMPORARY_ERROR(0x0505),
    SERVER_ERROR_NOT_ACCEPTING_JOBS(0x0506),
    SERVER_ERROR_BUSY(0x0507),
    SERVER_ERROR_JOB_CANCELED(0x0508),
    SERVER_ERROR_MULTIPLE_DOCUMENT_JOBS_NOT_SUPPORTED(0x0509),
    SERVER_ERROR_PRINTER_IS_DEACTIVATED(0x050A),
    SERVER_ERROR_TOO_MANY_JOBS(0x050B),
    SERVER_ERROR_TOO_MANY_DOCUMENTS(0x050C);

    private final int code;

    IppStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The keyword RFC 8011 and CUPS use: the constant's name in lower case with dashes, as {@code JobState}'s. */
    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Status codes 0x0000–0x00FF are the successful ones (RFC 8011 §B.1.2). */
    public static boolean isSuccessful(int code) {
        return code >= 0 && code <= 0xFF;
    }

    /** The keyword of a known code, else its class, e.g. {@code client error 0x04ff}. */
    public static String describe(int code) {
        Optional<IppStatus> known = IppEnum.byCode(IppStatus.class, code);
        if (known.isPresent()) {
            return known.get().keyword();
        }
        String hex = String.format("0x%04x", code);
        if (isSuccessful(code)) {
            return "successful " + hex;
        }
        if (code >= 0x0400 && code <= 0x04FF) {
            return "client error " + hex;
        }
        if (code >= 0x0500 && code <= 0x05FF) {
            return "server error " + hex;
        }
        return "status " + hex + " outside every class of RFC 8011";
    }
}
