package org.openkiosk.device.scanner;

import org.openkiosk.device.DeviceState;

/**
 * A USB HID scanner that types into the kiosk like a keyboard ({@code wedge:}). The UI forwards key-typed events;
 * bursts the {@link KeyboardWedgeDecoder} recognises as scans are delivered to the armed screen.
 */
public final class WedgeScanner extends ScannerDevice {

    private final KeyboardWedgeDecoder decoder;

    public WedgeScanner(String logicalName, KeyboardWedgeDecoder decoder) {
        super(logicalName);
        this.decoder = decoder;
    }

    @Override
    public String description() {
        return "keyboard-wedge scanner (key timing and terminator)";
    }

    /**
     * One key-typed event from the UI.
     *
     * @return whether the key completed a scan (the UI should then not treat it as typing)
     */
    public boolean keyTyped(char key, long timestampNanos) {
        if (state() != DeviceState.ENABLED) {
            return false;
        }
        var code = decoder.keyTyped(key, timestampNanos);
        code.ifPresent(this::deliver);
        return code.isPresent();
    }

    @Override
    protected void doOpen() {
        decoder.reset();
    }

    @Override
    protected void doClose() {
        decoder.reset();
        closeCompanions();
    }
}
