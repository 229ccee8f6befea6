package org.openkiosk.app.config;

import java.util.Map;
import java.util.TreeMap;

/** Renders a {@link KioskConfig} as {@code kiosk.yaml} text that {@link ConfigLoader} reads back unchanged. */
public final class ConfigYaml {

    private ConfigYaml() {}

    public static String render(KioskConfig c) {
        StringBuilder y = new StringBuilder();
        y.append("kiosk:\n");
        y.append("  id: ").append(quote(c.kiosk().id())).append('\n');
        y.append("  hallId: ").append(quote(c.kiosk().hallId())).append('\n');
        y.append("  hallName:\n");
        y.append("    zh: ").append(quote(c.kiosk().hallNameZh())).append('\n');
        y.append("    en: ").append(quote(c.kiosk().hallNameEn())).append('\n');
        y.append("ui:\n");
        y.append("  language: ").append(quote(c.ui().language())).append('\n');
        y.append("  elderMode: ").append(c.ui().elderMode()).append('\n');
        y.append("  idleTimeout: ").append(Durations.format(c.ui().idleTimeout())).append('\n');
        y.append("  idleWarning: ").append(Durations.format(c.ui().idleWarning())).append('\n');
        y.append("  touchMode: ").append(c.ui().touchMode()).append('\n');
        y.append("devices:").append(c.devices().isEmpty() ? " {}\n" : "\n");
        for (String name : DriverCatalog.logicalNames()) {
            DeviceConfig d = c.devices().get(name);
            if (d == null) {
                continue;
            }
            y.append("  ").append(name).append(":\n");
            y.append("    driver: ").append(quote(d.driver())).append('\n');
            y.append("    uri: ").append(quote(d.uri().toString())).append('\n');
            y.append("    required: ").append(d.required()).append('\n');
            if (!d.options().isEmpty()) {
                y.append("    options:\n");
                for (Map.Entry<String, String> o : new TreeMap<>(d.options()).entrySet()) {
                    y.append("      ").append(quote(o.getKey())).append(": ").append(quote(o.getValue())).append('\n');
                }
            }
        }
        y.append("store:\n");
        y.append("  type: ").append(quote(c.store().type())).append('\n');
        optional(y, "url", c.store().url());
        optional(y, "user", c.store().user());
        optional(y, "password", c.store().password());
        c.fleet().ifPresent(f -> fleet(y, f));
        return y.toString();
    }

    private static void fleet(StringBuilder y, FleetSettings f) {
        y.append("fleet:\n");
        y.append("  broker: ").append(quote(f.broker().toString())).append('\n');
        optional(y, "caFile", f.caFile().map(Object::toString).orElse(null));
        optional(y, "username", f.username().orElse(null));
        optional(y, "passwordEnv", f.passwordEnv().orElse(null));
        optional(y, "clientCertificate", f.clientCertificate().map(Object::toString).orElse(null));
        optional(y, "clientKey", f.clientKey().map(Object::toString).orElse(null));
        y.append("  region: ").append(quote(f.region())).append('\n');
        y.append("  hall: ").append(quote(f.hall())).append('\n');
        y.append("  kiosk: ").append(quote(f.kiosk())).append('\n');
        y.append("  heartbeat: ").append(Durations.format(f.heartbeat())).append('\n');
        y.append("  keepAlive: ").append(Durations.format(f.keepAlive())).append('\n');
        if (!f.operatorKeys().isEmpty()) {
            y.append("  operatorKeys:\n");
            f.operatorKeys().forEach(k -> y.append("    - ").append(quote(k.toString())).append('\n'));
        }
        y.append("  queue:\n");
        f.queueDirectory().ifPresent(d -> y.append("    directory: ").append(quote(d.toString())).append('\n'));
        y.append("    maxMessages: ").append(f.queueMaxMessages()).append('\n');
        y.append("    maxBytes: ").append(f.queueMaxBytes()).append('\n');
    }

    private static void optional(StringBuilder y, String key, String value) {
        if (value != null) {
            y.append("  ").append(key).append(": ").append(quote(value)).append('\n');
        }
    }

    /** Double-quoted YAML scalar: always safe, whatever the value holds. */
    static String quote(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\x%02x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
