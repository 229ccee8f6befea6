package org.openkiosk.device.a4;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a print is tracked.
 *
 * @param jobTimeout      from submission until the job must be completed; after it the job is cancelled
 * @param pollInterval    how often job and printer state are read
 * @param requestTimeout  limit for each IPP request (connect and each read)
 * @param media           the {@code media} job attribute, e.g. {@code iso_a4_210x297mm}; empty to leave it to the queue
 * @param userName        {@code requesting-user-name}
 * @param trustCertificate for {@code ipps://}: a PEM or DER file with the certificates the printer may present;
 *                        empty for the system's CA store ({@link PrinterTrust})
 */
public record PrintSettings(Duration jobTimeout, Duration pollInterval, Duration requestTimeout, String media,
                            String userName, String trustCertificate) {

    public static final PrintSettings DEFAULTS = new PrintSettings(Duration.ofSeconds(120), Duration.ofMillis(500),
            Duration.ofSeconds(10), "iso_a4_210x297mm", "kiosk", "");

    public PrintSettings(Duration jobTimeout, Duration pollInterval, Duration requestTimeout, String media, String userName) {
        this(jobTimeout, pollInterval, requestTimeout, media, userName, "");
    }

    public PrintSettings {
        Objects.requireNonNull(jobTimeout, "jobTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (jobTimeout.isNegative() || jobTimeout.isZero() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("print timeouts must be positive");
        }
        media = media == null ? "" : media;
        userName = userName == null || userName.isBlank() ? "kiosk" : userName;
        trustCertificate = trustCertificate == null ? "" : trustCertificate.strip();
    }

    /**
     * Reads the device options {@code jobTimeoutSeconds}, {@code pollMillis}, {@code requestTimeoutSeconds},
     * {@code media}, {@code userName}, {@code trustCertificate}.
     */
    public static PrintSettings fromOptions(Map<String, String> options) {
        return new PrintSettings(
                Duration.ofSeconds(number(options, "jobTimeoutSeconds", DEFAULTS.jobTimeout.toSeconds())),
                Duration.ofMillis(number(options, "pollMillis", DEFAULTS.pollInterval.toMillis())),
                Duration.ofSeconds(number(options, "requestTimeoutSeconds", DEFAULTS.requestTimeout.toSeconds())),
                options.getOrDefault("media", DEFAULTS.media),
                options.getOrDefault("userName", DEFAULTS.userName),
                options.getOrDefault("trustCertificate", DEFAULTS.trustCertificate));
    }

    public PrintSettings withJobTimeout(Duration timeout) {
        return new PrintSettings(timeout, pollInterval, requestTimeout, media, userName, trustCertificate);
    }

    private static long number(Map<String, String> options, String key, long fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A4 printer option " + key + " must be a whole number, got \"" + value + "\"");
        }
    }
}
