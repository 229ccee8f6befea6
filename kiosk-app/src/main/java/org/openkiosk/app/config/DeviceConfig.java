package org.openkiosk.app.config;

import java.util.Map;
import org.openkiosk.device.transport.TransportUri;

/**
 * One device as configured.
 *
 * @param driver   the driver name, e.g. {@code ga467}, {@code escpos}, {@code ipp}, {@code sane}, {@code serial-scanner}
 * @param uri      where it is attached (see {@link TransportUri})
 * @param required whether the kiosk is out of service without it
 * @param options  driver-specific options (e.g. {@code paperWidthMm: 80})
 */
public record DeviceConfig(String driver, TransportUri uri, boolean required, Map<String, String> options) {

    public DeviceConfig {
        options = Map.copyOf(options);
    }
}
