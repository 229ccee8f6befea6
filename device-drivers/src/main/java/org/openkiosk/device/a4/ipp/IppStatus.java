package org.openkiosk.device.a4.ipp;

import java.util.Optional;

/**
 * IPP status codes (RFC 8011 §5.4.15 "status-code", RFC 3380, RFC 3995, PWG 5100.5, 5100.13 and 5100.18), with
 * the keyword CUPS and ipptool print. A code not listed here is described by its class
 * ({@link #describe(int)}).
 */
public enum IppStatus implements IppEnum {
    SUCCESSFUL_OK(0x0000, "successful-ok"),
    SUCCESSFUL_OK_IGNORED_OR_SUBSTITUTED_ATTRIBUTES(0x0001, "successful-ok-ignored-or-substituted-attributes"),
    SUCCESSFUL_OK_CONFLICTING_ATTRIBUTES(0x0002, "successful-ok-conflicting-attributes"),
    SUCCESSFUL_OK_IGNORED_SUBSCRIPTIONS(0x0003, "successful-ok-ignored-subscriptions"),
    SUCCESSFUL_OK_TOO_MANY_EVENTS(0x0005, "successful-ok-too-many-events"),
    SUCCESSFUL_OK_EVENTS_COMPLETE(0x0007, "successful-ok-events-complete"),

    CLIENT_ERROR_BAD_REQUEST(0x0400, "client-error-bad-request"),
    CLIENT_ERROR_FORBIDDEN(0x0401, "client-error-forbidden"),
    CLIENT_ERROR_NOT_AUTHENTICATED(0x0402, "client-error-not-authenticated"),
    CLIENT_ERROR_NOT_AUTHORIZED(0x0403, "client-error-not-authorized"),
    CLIENT_ERROR_NOT_POSSIBLE(0x0404, "client-error-not-possible"),
    CLIENT_ERROR_TIMEOUT(0x0405, "client-error-timeout"),
    CLIENT_ERROR_NOT_FOUND(0x0406, "client-error-not-found"),
    CLIENT_ERROR_GONE(0x0407, "client-error-gone"),
    CLIENT_ERROR_REQUEST_ENTITY_TOO_LARGE(0x0408, "client-error-request-entity-too-large"),
    CLIENT_ERROR_REQUEST_VALUE_TOO_LONG(0x0409, "client-error-request-value-too-long"),
    CLIENT_ERROR_DOCUMENT_FORMAT_NOT_SUPPORTED(0x040A, "client-error-document-format-not-supported"),
    CLIENT_ERROR_ATTRIBUTES_OR_VALUES_NOT_SUPPORTED(0x040B, "client-error-attributes-or-values-not-supported"),
    CLIENT_ERROR_URI_SCHEME_NOT_SUPPORTED(0x040C, "client-error-uri-scheme-not-supported"),
    CLIENT_ERROR_CHARSET_NOT_SUPPORTED(0x040D, "client-error-charset-not-supported"),
    CLIENT_ERROR_CONFLICTING_ATTRIBUTES(0x040E, "client-error-conflicting-attributes"),
    CLIENT_ERROR_COMPRESSION_NOT_SUPPORTED(0x040F, "client-error-compression-not-supported"),
    CLIENT_ERROR_COMPRESSION_ERROR(0x0410, "client-error-compression-error"),
    CLIENT_ERROR_DOCUMENT_FORMAT_ERROR(0x0411, "client-error-document-format-error"),
    CLIENT_ERROR_DOCUMENT_ACCESS_ERROR(0x0412, "client-error-document-access-error"),
    CLIENT_ERROR_ATTRIBUTES_NOT_SETTABLE(0x0413, "client-error-attributes-not-settable"),
    CLIENT_ERROR_IGNORED_ALL_SUBSCRIPTIONS(0x0414, "client-error-ignored-all-subscriptions"),
    CLIENT_ERROR_TOO_MANY_SUBSCRIPTIONS(0x0415, "client-error-too-many-subscriptions"),
    CLIENT_ERROR_DOCUMENT_PASSWORD_ERROR(0x0418, "client-error-document-password-error"),
    CLIENT_ERROR_DOCUMENT_PERMISSION_ERROR(0x0419, "client-error-document-permission-error"),
    CLIENT_ERROR_DOCUMENT_SECURITY_ERROR(0x041A, "client-error-document-security-error"),
    CLIENT_ERROR_DOCUMENT_UNPRINTABLE_ERROR(0x041B, "client-error-document-unprintable-error"),
    CLIENT_ERROR_ACCOUNT_INFO_NEEDED(0x041C, "client-error-account-info-needed"),
    CLIENT_ERROR_ACCOUNT_CLOSED(0x041D, "client-error-account-closed"),
    CLIENT_ERROR_ACCOUNT_LIMIT_REACHED(0x041E, "client-error-account-limit-reached"),
    CLIENT_ERROR_ACCOUNT_AUTHORIZATION_FAILED(0x041F, "client-error-account-authorization-failed"),
    CLIENT_ERROR_NOT_FETCHABLE(0x0420, "client-error-not-fetchable"),

    SERVER_ERROR_INTERNAL_ERROR(0x0500, "server-error-internal-error"),
    SERVER_ERROR_OPERATION_NOT_SUPPORTED(0x0501, "server-error-operation-not-supported"),
    SERVER_ERROR_SERVICE_UNAVAILABLE(0x0502, "server-error-service-unavailable"),
    SERVER_ERROR_VERSION_NOT_SUPPORTED(0x0503, "server-error-version-not-supported"),
    SERVER_ERROR_DEVICE_ERROR(0x0504, "server-error-device-error"),
    SERVER_ERROR_TEMPORARY_ERROR(0x0505, "server-error-temporary-error"),
    SERVER_ERROR_NOT_ACCEPTING_JOBS(0x0506, "server-error-not-accepting-jobs"),
    SERVER_ERROR_BUSY(0x0507, "server-error-busy"),
    SERVER_ERROR_JOB_CANCELED(0x0508, "server-error-job-canceled"),
    SERVER_ERROR_MULTIPLE_DOCUMENT_JOBS_NOT_SUPPORTED(0x0509, "server-error-multiple-document-jobs-not-supported"),
    SERVER_ERROR_PRINTER_IS_DEACTIVATED(0x050A, "server-error-printer-is-deactivated"),
    SERVER_ERROR_TOO_MANY_JOBS(0x050B, "server-error-too-many-jobs"),
    SERVER_ERROR_TOO_MANY_DOCUMENTS(0x050C, "server-error-too-many-documents");

    private final int code;
    private final String keyword;

    IppStatus(int code, String keyword) {
        this.code = code;
        this.keyword = keyword;
    }

    @Override
    public int code() {
        return code;
    }

    public String keyword() {
        return keyword;
    }

    /** Status codes 0x0000–0x00FF are the successful ones (RFC 8011 §B.1.2). */
    public static boolean isSuccessful(int code) {
        return code >= 0 && code <= 0xFF;
    }

    /** The keyword of a known code, else its class, e.g. {@code client error 0x04ff}. */
    public static String describe(int code) {
        Optional<IppStatus> known = IppEnum.byCode(IppStatus.class, code);
        if (known.isPresent()) {
            return known.get().keyword;
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
