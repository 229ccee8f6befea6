package org.openkiosk.app.service.catalogue;

/**
 * Which service platform the kiosk asks (the {@code platform} section of {@code services.yaml}; absent means
 * the embedded one).
 *
 * @param type             {@code embedded} (the kiosk's store with demo data) or {@code http}
 * @param baseUrl          the provincial platform's base URL (http)
 * @param connectTimeoutMs connection timeout (http), default 3000
 * @param requestTimeoutMs whole-request timeout (http), default 8000
 * @param tokenEnvironment name of the environment variable holding the bearer token (http), optional
 * @param maxReplyBytes    the largest reply read (http), default 2 MiB; a larger one is refused unread
 * @param caFile           PEM file of the CA(s) that sign the platform's certificate (http), optional: the JDK's
 *                         trust store otherwise
 */
public record PlatformSettings(String type, String baseUrl, Integer connectTimeoutMs, Integer requestTimeoutMs,
                               String tokenEnvironment, Integer maxReplyBytes, String caFile) {

    public static final String EMBEDDED = "embedded";
    public static final String HTTP = "http";

    public static PlatformSettings embedded() {
        return new PlatformSettings(EMBEDDED, null, null, null, null, null, null);
    }

    public int connectTimeout() {
        return connectTimeoutMs == null ? 3_000 : connectTimeoutMs;
    }

    public long maxReply() {
        return maxReplyBytes == null ? 2L * 1024 * 1024 : maxReplyBytes;
    }

    public int requestTimeout() {
        return requestTimeoutMs == null ? 8_000 : requestTimeoutMs;
    }
}
