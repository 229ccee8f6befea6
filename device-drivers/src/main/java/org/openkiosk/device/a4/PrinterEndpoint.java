package org.openkiosk.device.a4;

import java.net.URI;
import org.openkiosk.device.transport.TransportUri;

/**
 * Where IPP requests for one A4 printer go.
 * <ul>
 *   <li>{@code cups:QUEUE} — the queue of the local CUPS ({@code http://localhost:631/printers/QUEUE});
 *       {@code cups:QUEUE?server=HOST:PORT} for another CUPS server</li>
 *   <li>{@code cups:ipp://HOST:PORT/PATH} — an IPP printer spoken to directly (IPP Everywhere, ippeveprinter)</li>
 *   <li>{@code cups:ipps://HOST:PORT/PATH} — the same over TLS (RFC 7472: HTTPS, default port 631)</li>
 * </ul>
 *
 * @param httpUri    the URL requests are POSTed to
 * @param printerUri the {@code printer-uri} operation attribute
 */
public record PrinterEndpoint(URI httpUri, URI printerUri) {

    public static PrinterEndpoint of(TransportUri uri) {
        if (!uri.scheme().equals("cups")) {
            throw new IllegalArgumentException("an A4 printer needs a cups: URI (cups:QUEUE, cups:ipp://HOST:PORT/PATH"
                    + " or cups:ipps://HOST:PORT/PATH), got " + uri);
        }
        String target = uri.target();
        if (target.startsWith("ipp://") || target.startsWith("http://")) {
            return direct(URI.create(target.replaceFirst("^http://", "ipp://")), "http");
        }
        if (target.startsWith("ipps://") || target.startsWith("https://")) {
            return direct(URI.create(target.replaceFirst("^https://", "ipps://")), "https");
        }
        if (!target.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("bad CUPS queue name \"" + target + "\" (letters, digits, _ . - only)");
        }
        String server = uri.parameter("server", "localhost:631");
        return new PrinterEndpoint(URI.create("http://" + server + "/printers/" + target),
                URI.create("ipp://" + server + "/printers/" + target));
    }

    private static PrinterEndpoint direct(URI printer, String httpScheme) {
        if (printer.getHost() == null) {
            throw new IllegalArgumentException("no host in the printer URI " + printer);
        }
        int port = printer.getPort() > 0 ? printer.getPort() : 631;
        String host = printer.getHost();
        return new PrinterEndpoint(URI.create(httpScheme + "://" + host + ":" + port + printer.getRawPath()), printer);
    }

    /** Whether requests go over TLS ({@code ipps}). */
    public boolean secure() {
        return httpUri.getScheme().equals("https");
    }
}
