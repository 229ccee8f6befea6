package org.openkiosk.app.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openkiosk.app.config.DeviceConfig;
import org.openkiosk.app.config.DriverCatalog;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.DeviceRegistry;
import org.openkiosk.device.DeviceState;
import org.openkiosk.device.HealthStatus;
import org.openkiosk.device.KioskDevice;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.face.FaceMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured devices, built and brought to ENABLED. A device that cannot be built or enabled never stops
 * the kiosk: an optional one is logged and shows in its health, a required one becomes a {@link DeviceProblem}.
 */
final class KioskDevices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KioskDevices.class);

    private final Map<String, DeviceConfig> configured;
    private final DeviceRegistry registry = new DeviceRegistry();
    private final Simulators simulators = new Simulators();
    private final List<AutoCloseable> companions = new CopyOnWriteArrayList<>();
    /** Devices that could not even be built, with why (by logical name). */
    private final Map<String, HealthStatus> unbuilt = Collections.synchronizedMap(new LinkedHashMap<>());

    private final DeviceFactory factory;

    private KioskDevices(Map<String, DeviceConfig> configured, Optional<FaceMatcher> platformFaces) {
        this.configured = configured;
        this.factory = new DeviceFactory(simulators, platformFaces);
    }

    static KioskDevices start(Map<String, DeviceConfig> configured) {
        return start(configured, Optional.empty());
    }

    /** @param platformFaces the service platform's face verification, for a face verifier with driver platform */
    static KioskDevices start(Map<String, DeviceConfig> configured, Optional<FaceMatcher> platformFaces) {
        KioskDevices devices = new KioskDevices(configured, platformFaces);
        for (String name : orderedNames(configured)) {
            devices.build(name);
        }
        return devices;
    }

    /** Builds, registers and brings up one device; a driver that cannot be built is remembered with why. */
    private void build(String name) {
        DeviceConfig config = configured.get(name);
        try {
            DeviceFactory.Created created = factory.create(name, config);
            unbuilt.remove(name);
            companions.addAll(created.companions());
            registry.register(created.device());
            bringUp(created.device());
        } catch (DeviceCreationException e) {
            log.warn("{} device {} not available: {}", config.required() ? "required" : "optional", name, e.getMessage());
            unbuilt.put(name, HealthStatus.error(e.getMessage(), RecommendedAction.CHECK_CONFIGURATION));
        }
    }

    /** Catalogue order (idReader, receiptPrinter, a4Printer, scanner, documentScanner), unknown names last. */
    static List<String> orderedNames(Map<String, DeviceConfig> configured) {
        List<String> names = new ArrayList<>();
        for (String name : DriverCatalog.logicalNames()) {
            if (configured.containsKey(name)) {
                names.add(name);
            }
        }
        configured.keySet().stream().filter(n -> !names.contains(n)).sorted().forEach(names::add);
        return names;
    }

    /** open → claim → enable from wherever the device is; a failure is logged and left in its health. */
    private void bringUp(KioskDevice device) {
        try {
            if (device.state() == DeviceState.CLOSED) {
                device.open();
            }
            if (device.state() == DeviceState.OPENED) {
                device.claim();
            }
            if (device.state() == DeviceState.CLAIMED) {
                device.enable();
            }
            log.info("device {} ready: {} ({})", device.logicalName(), device.description(), device.health().text());
        } catch (DeviceException | RuntimeException e) {
            boolean required = configured.get(device.logicalName()).required();
            log.warn("{} device {} ({}) not ready: {}", required ? "required" : "optional", device.logicalName(),
                    device.description(), e.getMessage());
        }
    }

    DeviceRegistry registry() {
        return registry;
    }

    Simulators simulators() {
        return simulators;
    }

    <T extends KioskDevice> Optional<T> find(String name, Class<T> type) {
        return registry.find(name, type);
    }

    /** Health of a configured device by name, including one that could not be built. */
    Optional<HealthStatus> health(String name) {
        HealthStatus failed = unbuilt.get(name);
        if (failed != null) {
            return Optional.of(failed);
        }
        return registry.find(name).map(d -> d.state() == DeviceState.ENABLED ? d.health()
                : notEnabled(d));
    }

    private static HealthStatus notEnabled(KioskDevice device) {
        HealthStatus last = device.health();
        if (!last.isUsable()) {
            return last;
        }
        return HealthStatus.offline(device.logicalName() + " is " + device.state().name().toLowerCase()
                + ", not enabled", RecommendedAction.RECONNECT);
    }

    /** Required devices that are not usable now, from the last known health (no I/O). */
    List<DeviceProblem> problems() {
        List<DeviceProblem> problems = new ArrayList<>();
        for (String name : orderedNames(configured)) {
            if (!configured.get(name).required()) {
                continue;
            }
            health(name).filter(h -> !h.isUsable()).ifPresent(h -> problems.add(new DeviceProblem(name, h)));
        }
        return problems;
    }

    /**
     * Tries again with the required devices that are not usable — building a driver that could not be built
     * (a vendor library installed meanwhile), enabling one that would not open (a cable plugged back in) — then
     * reports what is still wrong. Blocks.
     */
    synchronized List<DeviceProblem> recheck() {
        for (DeviceProblem problem : problems()) {
            if (unbuilt.containsKey(problem.logicalName())) {
                build(problem.logicalName());
                continue;
            }
            registry.find(problem.logicalName()).ifPresent(device -> {
                bringUp(device);
                if (device.state() == DeviceState.ENABLED) {
                    device.checkHealth(org.openkiosk.device.HealthCheckLevel.EXTERNAL);
                }
            });
        }
        return problems();
    }

    /**
     * Every configured device that is not usable, required or not, gets another chance: built again, brought up
     * again, or asked for its health (a printer whose paper was loaded reports ONLINE again). Blocks.
     */
    synchronized List<DeviceProblem> recheckAll() {
        for (String name : orderedNames(configured)) {
            if (unbuilt.containsKey(name)) {
                build(name);
                continue;
            }
            registry.find(name).ifPresent(device -> {
                if (device.state() != DeviceState.ENABLED) {
                    bringUp(device);
                }
                if (device.state() == DeviceState.ENABLED && !device.health().isUsable()) {
                    device.checkHealth(org.openkiosk.device.HealthCheckLevel.EXTERNAL);
                }
            });
        }
        return problems();
    }

    /** Devices in reverse order of registration, then the simulators they do not own. */
    @Override
    public void close() {
        for (KioskDevice device : registry.all()) {
            try {
                if (device.state() == DeviceState.ENABLED) {
                    device.disable();
                }
                if (device.state() == DeviceState.CLAIMED) {
                    device.release();
                }
            } catch (RuntimeException e) {
                log.warn("device {}: disabling failed", device.logicalName(), e);
            }
        }
        registry.close();
        List<AutoCloseable> reversed = new ArrayList<>(companions);
        Collections.reverse(reversed);
        for (AutoCloseable companion : reversed) {
            try {
                companion.close();
            } catch (Exception e) {
                log.warn("closing {} failed", companion, e);
            }
        }
        companions.clear();
    }
}
