package org.openkiosk.app.maintenance;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.openkiosk.app.config.DeviceConfig;
import org.openkiosk.app.config.DriverCatalog;
import org.openkiosk.app.logging.LogMasker;
import org.openkiosk.app.runtime.KioskRuntime;
import org.openkiosk.device.DeviceEvent;
import org.openkiosk.device.DeviceListener;
import org.openkiosk.device.HealthStatus;
import org.openkiosk.device.KioskDevice;

/**
 * Every configured device of the running kiosk with its live state, following the registry's events: status
 * updates and errors are remembered (the last error per device) and announced to listeners, so the maintenance
 * screen refreshes without polling. No I/O: snapshots use the last known health. Close it to unsubscribe.
 */
public final class DeviceOverview implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(java.time.ZoneId.systemDefault());

    private final KioskRuntime runtime;
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final DeviceListener subscription = this::onEvent;

    public DeviceOverview(KioskRuntime runtime) {
        this.runtime = runtime;
        runtime.devices().subscribe(subscription);
    }

    /** Called with the device's name after each event (on the device's thread). */
    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    private void onEvent(DeviceEvent event) {
        if (event instanceof DeviceEvent.Error error) {
            lastErrors.put(event.deviceName(), TIME.format(event.at()) + " " + LogMasker.mask(error.error().getMessage()));
        } else if (event instanceof DeviceEvent.StatusUpdate update && !update.status().isUsable()) {
            lastErrors.put(event.deviceName(), TIME.format(event.at()) + " " + LogMasker.mask(update.status().text()));
        }
        listeners.forEach(l -> l.accept(event.deviceName()));
    }

    /** Configured devices in catalogue order, including any whose driver could not be built. */
    public List<DeviceSnapshot> snapshot() {
        Map<String, DeviceConfig> configured = runtime.config().devices();
        List<String> names = new ArrayList<>();
        for (String name : DriverCatalog.logicalNames()) {
            if (configured.containsKey(name)) {
                names.add(name);
            }
        }
        new TreeMap<>(configured).keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        List<DeviceSnapshot> result = new ArrayList<>();
        for (String name : names) {
            result.add(snapshot(name, configured.get(name)));
        }
        return result;
    }

    private DeviceSnapshot snapshot(String name, DeviceConfig config) {
        Optional<KioskDevice> device = runtime.devices().find(name);
        Optional<HealthStatus> health = runtime.deviceHealth(name);
        if (device.isEmpty() && health.isPresent() && !health.get().isUsable()) {
            lastErrors.putIfAbsent(name, health.get().text());
        }
        String deviceClass = DriverCatalog.deviceClassOf(name).map(Enum::name).orElse("UNKNOWN");
        return new DeviceSnapshot(name, deviceClass,
                device.map(KioskDevice::description).orElse(config.driver() + " over " + config.uri()),
                config.required(),
                device.map(d -> d.state().name()).orElse("NOT_CREATED"),
                health.map(h -> h.health().name()).orElse("OFFLINE"),
                health.map(h -> LogMasker.mask(h.text())).orElse("not created"),
                health.map(h -> h.action().description()).orElse(""),
                device.map(d -> d.statistics().snapshot()).orElse(new LinkedHashMap<>()),
                device.map(d -> d.capabilities().stream().map(Enum::name).sorted().toList()).orElse(List.of()),
                Optional.ofNullable(lastErrors.get(name)));
    }

    @Override
    public void close() {
        runtime.devices().unsubscribe(subscription);
        listeners.clear();
    }
}
