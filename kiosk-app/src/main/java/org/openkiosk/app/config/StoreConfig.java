package org.openkiosk.app.config;

/**
 * @param type              {@code embedded} (one kiosk, a file database under the data directory) or
 *                          {@code postgresql} (several kiosks of a hall sharing capacity)
 * @param url               JDBC URL for postgresql; for embedded, an optional file path
 * @param user              database user (postgresql)
 * @param password          database password (postgresql), with {@code ${NAME}} environment references expanded
 * @param passwordAsWritten the password as written in {@code kiosk.yaml}, e.g. {@code ${KIOSK_DB_PASSWORD}}: what
 *                          {@link ConfigYaml} writes back, so an expanded secret never lands in the file
 */
public record StoreConfig(String type, String url, String user, String password, String passwordAsWritten) {

    /** A store configuration whose password (if any) was written literally. */
    public StoreConfig(String type, String url, String user, String password) {
        this(type, url, user, password, password);
    }

    /** Never shows the password (configurations end up in logs and diagnostics). */
    @Override
    public String toString() {
        return "StoreConfig[type=" + type + ", url=" + url + ", user=" + user + ", password="
                + (password == null ? "none" : "***") + "]";
    }
}
