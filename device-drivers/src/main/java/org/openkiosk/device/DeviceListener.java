package org.openkiosk.device;

/** Receives device events. Called on a device thread: never block, and hop to the UI thread yourself. */
@FunctionalInterface
public interface DeviceListener {
    void onEvent(DeviceEvent event);
}
