package org.openkiosk.device.a4.sim;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openkiosk.device.a4.ipp.IppAttribute;
import org.openkiosk.device.a4.ipp.IppMessage;
import org.openkiosk.device.a4.ipp.IppStatus;
import org.openkiosk.device.a4.ipp.IppTag;

/**
 * The checks RFC 8011 §4.1 asks of every request before its operation runs: a supported version, a non-zero
 * request-id, the operation attributes first with {@code attributes-charset} then
 * {@code attributes-natural-language}, a supported charset and a target ({@code printer-uri} or
 * {@code job-uri}). Each failure is the status code and a message a client can act on.
 */
final class IppRequestRules {

    /** Why a request is refused. */
    record Refusal(IppStatus status, String message) {}

    private IppRequestRules() {}

    static Optional<Refusal> check(IppMessage request) {
        int major = request.version() >> 8;
        int minor = request.version() & 0xFF;
        if (!(major == 1 && minor <= 1) && !(major == 2 && minor <= 2)) {
            return refuse(IppStatus.SERVER_ERROR_VERSION_NOT_SUPPORTED, "IPP version " + major + "." + minor
                    + " is not supported (1.0, 1.1, 2.0, 2.1, 2.2)");
        }
        if (request.requestId() <= 0) {
            return refuse(IppStatus.CLIENT_ERROR_BAD_REQUEST, "request-id must be 1 or more, got " + request.requestId());
        }
        if (request.groups().isEmpty() || request.groups().get(0).tag() != IppTag.OPERATION_ATTRIBUTES) {
            return refuse(IppStatus.CLIENT_ERROR_BAD_REQUEST, "the request must start with its operation attributes");
        }
        List<IppAttribute> operation = request.groups().get(0).attributes();
        if (operation.size() < 2 || !operation.get(0).name().equals("attributes-charset")
                || !operation.get(1).name().equals("attributes-natural-language")) {
            return refuse(IppStatus.CLIENT_ERROR_BAD_REQUEST,
                    "attributes-charset and then attributes-natural-language must come first");
        }
        String charset = operation.get(0).strings().stream().findFirst().orElse("").toLowerCase(Locale.ROOT);
        if (operation.get(0).tag() != IppTag.CHARSET || !(charset.equals("utf-8") || charset.equals("us-ascii"))) {
            return refuse(IppStatus.CLIENT_ERROR_CHARSET_NOT_SUPPORTED, "attributes-charset " + charset
                    + " is not supported (utf-8, us-ascii)");
        }
        if (operation.get(1).tag() != IppTag.NATURAL_LANGUAGE) {
            return refuse(IppStatus.CLIENT_ERROR_BAD_REQUEST, "attributes-natural-language must be a naturalLanguage");
        }
        boolean printerUri = request.find(IppTag.OPERATION_ATTRIBUTES, "printer-uri").isPresent();
        boolean jobUri = request.find(IppTag.OPERATION_ATTRIBUTES, "job-uri").isPresent();
        if (!printerUri && !jobUri) {
            return refuse(IppStatus.CLIENT_ERROR_BAD_REQUEST, "printer-uri (or job-uri) is missing");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(IppStatus status, String message) {
        return Optional.of(new Refusal(status, message));
    }
}
