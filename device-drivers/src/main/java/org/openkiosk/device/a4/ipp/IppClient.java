package org.openkiosk.device.a4.ipp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * Sends IPP requests over HTTP ({@code POST}, {@code application/ipp}) to one printer endpoint, or over HTTPS for
 * {@code ipps://} (RFC 7472) with the given TLS context and the JDK's host name check. Uses
 * {@link HttpURLConnection}, which keeps no background threads.
 *
 * <p>Bounded in every direction: connecting and each read time out after the request timeout; the whole
 * exchange is given up once the request timeout has passed (checked between reads, so a printer that drips one
 * byte at a time is cut off after at most twice the timeout); a response larger than
 * {@link IppLimits#maxMessageBytes()} is refused before it is held in memory; the response must be
 * {@code application/ipp}, must answer this request's request-id and decode strictly ({@link IppCodec}).
 */
public final class IppClient {

    private final URI httpUri;
    private final int timeoutMillis;
    private final SSLContext tls;
    private final IppLimits limits;
    private final AtomicInteger requestIds = new AtomicInteger(1);

    /**
     * @param httpUri        where to POST, e.g. {@code http://localhost:631/printers/kioskA4}
     * @param requestTimeout limit for connecting, for each read, and for the whole exchange
     */
    public IppClient(URI httpUri, Duration requestTimeout) {
        this(httpUri, requestTimeout, null, IppLimits.DEFAULT);
    }

    /**
     * @param tls    for {@code https} URIs; null for the JDK's default context (the system trust store)
     * @param limits bounds for the response
     */
    public IppClient(URI httpUri, Duration requestTimeout, SSLContext tls, IppLimits limits) {
        this.httpUri = Objects.requireNonNull(httpUri, "httpUri");
        this.timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, requestTimeout.toMillis()));
        this.tls = tls;
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public URI httpUri() {
        return httpUri;
    }

    /** Request ids start at 1: RFC 8011 §4.1.1 forbids 0. */
    public int nextRequestId() {
        return requestIds.getAndUpdate(id -> id == Integer.MAX_VALUE ? 1 : id + 1);
    }

    /** Sends a request without document data. */
    public IppMessage send(IppMessage request) throws IOException {
        return send(request, new byte[0]);
    }

    /** Sends a request followed by document data (Print-Job) and decodes the response. */
    public IppMessage send(IppMessage request, byte[] document) throws IOException {
        byte[] head = IppCodec.encode(request);
        long deadline = System.nanoTime() + Duration.ofMillis(timeoutMillis).toNanos();
        HttpURLConnection connection = (HttpURLConnection) httpUri.toURL().openConnection();
        try {
            if (connection instanceof HttpsURLConnection https && tls != null) {
                https.setSSLSocketFactory(tls.getSocketFactory());
            }
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
            String type = connection.getContentType();
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/ipp")) {
                throw new IppFormatException("expected Content-Type application/ipp from " + httpUri + ", found " + type);
            }
            long length = connection.getContentLengthLong();
            if (length > limits.maxMessageBytes()) {
                throw new IppFormatException("the response announces " + length + " bytes, more than the limit of "
                        + limits.maxMessageBytes());
            }
            IppMessage response;
            try (InputStream in = connection.getInputStream()) {
                response = IppCodec.decode(readBounded(in, length, deadline), limits);
            }
            if (response.requestId() != request.requestId()) {
                throw new IppFormatException(4, "expected request-id " + request.requestId() + " in the response, found "
                        + response.requestId());
            }
            return response;
        } finally {
            connection.disconnect();
        }
    }

    /** @param length the announced Content-Length, or -1 */
    private byte[] readBounded(InputStream in, long length, long deadline) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while (body.size() != length && (n = in.read(buffer)) >= 0) {
            body.write(buffer, 0, n);
            if (body.size() > limits.maxMessageBytes()) {
                throw new IppFormatException("the response from " + httpUri + " passes the limit of "
                        + limits.maxMessageBytes() + " bytes");
            }
            if (body.size() != length && System.nanoTime() - deadline > 0) {
                throw new SocketTimeoutException("the response from " + httpUri + " took longer than " + timeoutMillis
                        + " ms in all (" + body.size() + " bytes received)");
            }
        }
        return body.toByteArray();
    }
}
