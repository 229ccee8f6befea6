package org.openkiosk.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.runtime.DeviceInventory;
import org.openkiosk.device.HealthCheckLevel;
import org.openkiosk.device.RecommendedAction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiosk devices}: the configured devices as the kiosk would find them, and the serial ports present. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = {"The configured devices (driver, URI, state, health, what to do) and the serial ports present.",
                "Each device is opened the way the kiosk opens it, then closed: stop the kiosk first, or a serial "
                        + "device it holds shows as busy."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every required device is usable", "2:bad configuration or usage",
                "4:a required device is not usable"})
public final class DevicesCommand implements Callable<Integer> {

    @Mixin
    DirectoryOptions dirs;

    @Option(names = "--json", description = "Print one JSON object: devices[] and serialPorts[].")
    boolean json;

    @Option(names = "--check", paramLabel = "LEVEL", defaultValue = "internal",
            description = "internal (default: what opening the device showed) or external (also ask the device: "
                    + "module status, printer status).")
    String check;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HealthCheckLevel level;
        switch (check.toLowerCase(Locale.ROOT)) {
            case "internal" -> level = HealthCheckLevel.INTERNAL;
            case "external" -> level = HealthCheckLevel.EXTERNAL;
            default -> {
                err.println("devices: --check must be internal or external, not \"" + check + "\"");
                return ExitCodes.BAD_CONFIGURATION;
            }
        }
        KioskConfig config;
        try {
            config = ConfigLoader.load(dirs.configDirectory());
        } catch (ConfigException e) {
            err.println("devices: the configuration in " + dirs.configDirectory() + " is not valid:");
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCodes.BAD_CONFIGURATION;
        }
        DeviceInventory.Report report = DeviceInventory.inspect(config.devices(), level);
        if (json) {
            out.println(new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).writeValueAsString(asJson(report)));
        } else {
            printTable(report, out);
        }
        out.flush();
        report.serialPortError().ifPresent(err::println);
        return report.inService() ? ExitCodes.OK : ExitCodes.DEVICE_FAULT;
    }

    private static Map<String, Object> asJson(DeviceInventory.Report report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("inService", report.inService());
        root.put("devices", report.devices().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("deviceClass", e.deviceClass());
            m.put("driver", e.driver());
            m.put("uri", e.uri());
            m.put("required", e.required());
            m.put("state", e.state());
            m.put("health", e.health().name());
            m.put("text", e.text());
            m.put("action", e.action());
            m.put("actionText", RecommendedAction.valueOf(e.action()).description());
            m.put("description", e.description());
            return m;
        }).toList());
        root.put("serialPorts", report.serialPorts().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", p.path());
            m.put("name", p.name());
            m.put("description", p.description());
            return m;
        }).toList());
        report.serialPortError().ifPresent(e -> root.put("serialPortError", e));
        return root;
    }

    private static void printTable(DeviceInventory.Report report, PrintWriter out) {
        for (DeviceInventory.Entry e : report.devices()) {
            out.printf("%-16s %-8s %-15s %-8s %s%n", e.name(), e.required() ? "required" : "optional",
                    e.driver(), e.health(), e.uri());
            out.println("    state:  " + e.state() + (e.description().isEmpty() ? "" : " — " + e.description()));
            out.println("    health: " + e.text());
            RecommendedAction action = RecommendedAction.valueOf(e.action());
            if (action != RecommendedAction.NONE) {
                out.println("    do:     " + action.description());
            }
        }
        out.println();
        List<DeviceInventory.Port> ports = report.serialPorts();
        out.println(ports.isEmpty() ? "serial ports: none found" : "serial ports:");
        for (DeviceInventory.Port p : ports) {
            out.println("  " + p.path() + "  " + p.name() + (p.description().equals(p.name()) ? "" : " (" + p.description() + ")"));
        }
        out.println(report.inService() ? "every required device is usable" : "a required device is NOT usable: the kiosk would be out of service");
    }
}
