package org.openkiosk.app.maintenance;

import com.fazecast.jSerialComm.SerialPort;
import java.util.ArrayList;
import java.util.List;

/** The serial ports the OS lists now, so a technician finds which port a reader or scanner sits on. */
public final class SerialPorts {

    /** One port: its path ({@code /dev/ttyUSB0}) and what the OS says it is (USB vendor/product). */
    public record Port(String path, String description) {
        @Override
        public String toString() {
            return description.isBlank() ? path : path + " — " + description;
        }
    }

    private SerialPorts() {}

    /**
     * @throws IllegalStateException when jSerialComm's native library cannot load (the technician must see that)
     */
    public static List<Port> list() {
        List<Port> ports = new ArrayList<>();
        try {
            for (SerialPort port : SerialPort.getCommPorts()) {
                ports.add(new Port(port.getSystemPortPath(), port.getDescriptivePortName()));
            }
        } catch (Throwable e) { // UnsatisfiedLinkError is an Error; it must reach the screen, not kill the worker
            throw new IllegalStateException("cannot list serial ports (jSerialComm native library): " + e, e);
        }
        return ports;
    }
}
