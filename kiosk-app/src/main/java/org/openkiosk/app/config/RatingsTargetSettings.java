package org.openkiosk.app.config;

import java.time.Duration;

/**
 * The evaluation platform (the provincial 好差评 system) that receives every rating this kiosk takes: the
 * {@code ratingsTarget:} section of {@code kiosk.yaml} (ADR 0162; the contract is {@code docs/ratings-http-api.md}).
 * Ratings reach it from the journal through the shipper, so only a hall kiosk ({@code store.type: postgresql}) has
 * one.
 *
 * @param baseUrl          e.g. {@code https://pj.zwfw.example.gov.cn/kiosk}; https:// outside a test installation
 * @param connectTimeoutMs how long to wait for a connection
 * @param requestTimeoutMs how long to wait for the whole reply
 * @param tokenEnvironment the environment variable holding a bearer token; {@code null} for none
 * @param caFile           PEM file of the CA(s) that sign the platform's certificate; {@code null}: the JDK's trust
 *                         store
 * @param retryMax         the longest wait between attempts while the platform is away
 */
public record RatingsTargetSettings(String baseUrl, int connectTimeoutMs, int requestTimeoutMs,
                                    String tokenEnvironment, String caFile, Duration retryMax) {

    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 3_000;
    public static final int DEFAULT_REQUEST_TIMEOUT_MS = 8_000;
    public static final Duration DEFAULT_RETRY_MAX = Duration.ofMinutes(5);
}
