package org.openkiosk.device.a4.ipp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends IPP requests over HTTP ({@code POST}, {@code application/ipp}) to one printer endpoint. Connecting and
 * every read have a timeout, so a hung printer or CUPS never blocks the caller for ever. Uses
 * {@link HttpURLConnection}, which keeps no background threads.
 */
public final class IppClient {

    private final URI httpUri;
    private final int timeoutMillis;
    private final AtomicInteger requestIds = new AtomicInteger(1);

    /**
     * @param httpUri        where to POST, e.g. {@code http://localhost:631/printers/kioskA4}
     * @param requestTimeout limit for connecting and for each read of the response
     */
    public IppClient(URI httpUri, Duration requestTimeout) {
        this.httpUri = Objects.requireNonNull(httpUri, "httpUri");
        this.timeoutMillis = (int) Math.max(1, requestTimeout.toMillis());
    }

    public URI httpUri() {
        return httpUri;
    }

    public int nextRequestId() {
        return requestIds.getAndIncrement();
    }

    /** Sends a request without document data. */
    public IppMessage send(IppMessage request) throws IOException {
        return send(request, new byte[0]);
    }

    /** Sends a request followed by document data (Print-Job) and decodes the response. */
    public IppMessage send(IppMessage request, byte[] document) throws IOException {
        byte[] head = IppCodec.encode(request);
        HttpURLConnection connection = (HttpURLConnection) httpUri.toURL().openConnection();
        try {
            connection.setConnectTimeout(timeoutMillis);
            connection.setReadTimeout(timeoutMillis);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestProperty("Content-Type", "application/ipp");
            connection.setFixedLengthStreamingMode((long) head.length + document.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(head);
                out.write(document);
            }
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("HTTP " + status + " from " + httpUri
                        + (status == 404 ? " (no such printer or queue)" : ""));
            }
            try (InputStream in = connection.getInputStream()) {
                return IppCodec.decode(in.readAllBytes());
            }
        } finally {
            connection.disconnect();
        }
    }
}
