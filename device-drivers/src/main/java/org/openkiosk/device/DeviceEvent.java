package org.openkiosk.device;

import java.time.Instant;

/** Typed events a device emits to its listeners (UnifiedPOS: data, status update, error, output complete). */
public sealed interface DeviceEvent {

    String deviceName();

    Instant at();

    /** Input arrived: a card was read, a code was scanned, a page was scanned. */
    record Data<T>(String deviceName, Instant at, T payload) implements DeviceEvent {}

    /** Health changed (online → paper near end → offline …). */
    record StatusUpdate(String deviceName, Instant at, HealthStatus status) implements DeviceEvent {}

    /** An operation failed; the listener may answer with a retry or a clear. */
    record Error(String deviceName, Instant at, DeviceException error) implements DeviceEvent {}

    /** An asynchronous output (a print job) finished. */
    record OutputComplete(String deviceName, Instant at, long outputId) implements DeviceEvent {}
}
