package org.openkiosk.device;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The kiosk's devices by logical name. Observable: subscribers get every event of every registered device,
 * which is how the UI, maintenance mode and (later) fleet monitoring follow device health.
 */
public final class DeviceRegistry implements AutoCloseable {

    private final Map<String, KioskDevice> devices = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<DeviceListener> subscribers = new CopyOnWriteArrayList<>();
    private final DeviceListener relay = event -> subscribers.forEach(s -> s.onEvent(event));

    public void register(KioskDevice device) {
        KioskDevice previous = devices.putIfAbsent(device.logicalName(), device);
        if (previous != null) {
            throw new IllegalArgumentException("a device named " + device.logicalName() + " is already registered");
        }
        device.addListener(relay);
    }

    public Optional<KioskDevice> find(String logicalName) {
        return Optional.ofNullable(devices.get(logicalName));
    }

    /** The device with this name and type, if one is registered and is of that type. */
    public <T extends KioskDevice> Optional<T> find(String logicalName, Class<T> type) {
        return find(logicalName).filter(type::isInstance).map(type::cast);
    }

    public Collection<KioskDevice> all() {
        synchronized (devices) {
            return List.copyOf(devices.values());
        }
    }

    public void subscribe(DeviceListener subscriber) {
        subscribers.add(subscriber);
    }

    public void unsubscribe(DeviceListener subscriber) {
        subscribers.remove(subscriber);
    }

    /** Closes every device, in reverse order of registration. */
    @Override
    public void close() {
        List<KioskDevice> reversed = new ArrayList<>(all());
        Collections.reverse(reversed);
        for (KioskDevice device : reversed) {
            device.removeListener(relay);
            device.close();
        }
        devices.clear();
    }
}
