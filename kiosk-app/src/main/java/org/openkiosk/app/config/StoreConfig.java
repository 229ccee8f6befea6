package org.openkiosk.app.config;

/**
 * @param type              {@code embedded} (one kiosk, a file database under the data directory) or
 *                          {@code postgresql} (several kiosks of a hall sharing capacity)
 * @param url               JDBC URL for postgresql; for embedded, an optional file path
 * @param user              database user (postgresql)
 * @param password          database password (postgresql), with {@code ${NAME}} environment references expanded
 * @param passwordAsWritten the password as written in {@code kiosk.yaml}, e.g. {@code ${KIOSK_DB_PASSWORD}}: what
 *                          {@link ConfigYaml} writes back, so an expanded secret never lands in the file
 * @param walkInReserve     postgresql: walk-in ticket numbers a kiosk reserves per queue and day for an outage
 *                          ({@code walkInReserve}, ADR 0161)
 * @param forwardRetryMax   postgresql: the longest wait between attempts to forward the journal during an outage
 *                          ({@code forwardRetryMax}, ADR 0160)
 */
public record StoreConfig(String type, String url, String user, String password, String passwordAsWritten,
                          int walkInReserve, java.time.Duration forwardRetryMax) {

    public static final int DEFAULT_WALK_IN_RESERVE = 50;
    public static final java.time.Duration DEFAULT_FORWARD_RETRY_MAX = java.time.Duration.ofSeconds(30);

    /** A store configuration whose password (if any) was written literally. */
    public StoreConfig(String type, String url, String user, String password) {
        this(type, url, user, password, password);
    }

    /** A store configuration with the default outage settings. */
    public StoreConfig(String type, String url, String user, String password, String passwordAsWritten) {
        this(type, url, user, password, passwordAsWritten, DEFAULT_WALK_IN_RESERVE, DEFAULT_FORWARD_RETRY_MAX);
    }

    /** Whether the kiosks of a hall share this store (then the kiosk journals and forwards, ADR 0160). */
    public boolean shared() {
        return type != null && "postgresql".equalsIgnoreCase(type.strip());
    }

    /** Never shows the password (configurations end up in logs and diagnostics). */
    @Override
    public String toString() {
        return "StoreConfig[type=" + type + ", url=" + url + ", user=" + user + ", password="
                + (password == null ? "none" : "***") + ", walkInReserve=" + walkInReserve + ", forwardRetryMax="
                + forwardRetryMax + "]";
    }
}
