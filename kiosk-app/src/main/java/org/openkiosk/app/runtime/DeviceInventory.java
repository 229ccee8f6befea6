package org.openkiosk.app.runtime;

import com.fazecast.jSerialComm.SerialPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openkiosk.app.config.DeviceConfig;
import org.openkiosk.app.config.DriverCatalog;
import org.openkiosk.device.DeviceClass;
import org.openkiosk.device.DeviceState;
import org.openkiosk.device.Health;
import org.openkiosk.device.HealthCheckLevel;
import org.openkiosk.device.HealthStatus;
import org.openkiosk.device.KioskDevice;

/**
 * What a technician sees with {@code kiosk devices}: each configured device brought up exactly as the kiosk
 * would (driver, transport, open → claim → enable), its health checked at the asked level, then closed again;
 * and the serial ports the OS offers.
 */
public final class DeviceInventory {

    /** One configured device as found. */
    public record Entry(String name, String deviceClass, String driver, String uri, boolean required, String state,
                        Health health, String text, String action, String description) {

        /** Usable, or an optional device (which never takes the kiosk out of service). */
        public boolean acceptable() {
            return !required || health == Health.ONLINE || health == Health.BUSY;
        }
    }

    /** A serial port the OS lists. */
    public record Port(String path, String name, String description) {}

    public record Report(List<Entry> devices, List<Port> serialPorts, Optional<String> serialPortError) {

        public boolean inService() {
            return devices.stream().allMatch(Entry::acceptable);
        }
    }

    private DeviceInventory() {}

    /** Blocks for as long as the devices take to open (and, at EXTERNAL, to answer). */
    public static Report inspect(Map<String, DeviceConfig> configured, HealthCheckLevel level) {
        List<Entry> entries = new ArrayList<>();
        try (KioskDevices devices = KioskDevices.start(configured)) {
            for (String name : KioskDevices.orderedNames(configured)) {
                DeviceConfig config = configured.get(name);
                Optional<KioskDevice> device = devices.registry().find(name);
                if (level != HealthCheckLevel.INTERNAL) {
                    device.filter(d -> d.state() == DeviceState.ENABLED).ifPresent(d -> d.checkHealth(level));
                }
                HealthStatus health = devices.health(name).orElseThrow();
                entries.add(new Entry(name,
                        DriverCatalog.deviceClassOf(name).map(DeviceClass::name).orElse("UNKNOWN"),
                        config.driver(), config.uri().toString(), config.required(),
                        device.map(d -> d.state().name()).orElse("NOT_CREATED"),
                        health.health(), health.text(), health.action().name(),
                        device.map(KioskDevice::description).orElse("")));
            }
        }
        List<Port> ports = new ArrayList<>();
        Optional<String> portError = Optional.empty();
        try {
            for (SerialPort port : SerialPort.getCommPorts()) {
                ports.add(new Port(port.getSystemPortPath(), port.getDescriptivePortName(), port.getPortDescription()));
            }
        } catch (Throwable e) { // the native library not loading is what a technician must see
            portError = Optional.of("cannot list serial ports (jSerialComm native library): " + e);
        }
        return new Report(entries, ports, portError);
    }
}
