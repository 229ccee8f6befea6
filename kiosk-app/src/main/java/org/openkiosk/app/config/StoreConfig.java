package org.openkiosk.app.config;

/**
 * @param type     {@code embedded} (one kiosk, a file database under the data directory) or {@code postgresql}
 *                 (several kiosks of a hall sharing capacity)
 * @param url      JDBC URL for postgresql; for embedded, an optional file path
 * @param user     database user (postgresql)
 * @param password database password (postgresql); may come from an environment variable
 */
public record StoreConfig(String type, String url, String user, String password) {
}
