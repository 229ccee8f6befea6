package org.openkiosk.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a {@link KioskConfig} as {@code kiosk.yaml} text that {@link ConfigLoader} reads back unchanged. Every
 * section is rendered, the YAML library does the quoting, and secrets stay as written: a password given as
 * {@code ${KIOSK_DB_PASSWORD}} is written as that reference, never as its value.
 */
public final class ConfigYaml {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    private ConfigYaml() {}

    public static String render(KioskConfig c) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("kiosk", kiosk(c.kiosk()));
        root.put("ui", ui(c.ui()));
        root.put("devices", devices(c.devices()));
        root.put("store", store(c.store()));
        c.maintenance().pinHash().ifPresent(hash -> root.put("maintenance", Map.of("pinHash", hash)));
        Map<String, Object> audit = audit(c.audit());
        if (!audit.isEmpty()) {
            root.put("audit", audit);
        }
        c.fleet().ifPresent(f -> root.put("fleet", fleet(f)));
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render maps of texts as YAML", e); // maps of texts always render
        }
    }

    private static Map<String, Object> kiosk(KioskIdentity k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id());
        m.put("hallId", k.hallId());
        if (k.testInstallation()) {
            m.put("testInstallation", true);
        }
        k.helpPhone().ifPresent(phone -> m.put("helpPhone", phone));
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("zh", k.hallNameZh());
        names.put("en", k.hallNameEn());
        m.put("hallName", names);
        return m;
    }

    private static Map<String, Object> ui(UiSettings u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("language", u.language());
        m.put("elderMode", u.elderMode());
        m.put("idleTimeout", Durations.format(u.idleTimeout()));
        m.put("idleWarning", Durations.format(u.idleWarning()));
        m.put("touchMode", u.touchMode());
        Map<String, Object> voice = new LinkedHashMap<>();
        voice.put("startsOn", u.voice().startsOn().word());
        voice.put("volume", u.voice().volume());
        m.put("voice", voice);
        return m;
    }

    private static Map<String, Object> devices(Map<String, DeviceConfig> devices) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String name : DriverCatalog.logicalNames()) {
            DeviceConfig d = devices.get(name);
            if (d == null) {
                continue;
            }
            Map<String, Object> device = new LinkedHashMap<>();
            device.put("driver", d.driver());
            device.put("uri", d.uri().toString());
            device.put("required", d.required());
            if (!d.options().isEmpty()) {
                device.put("options", new TreeMap<>(d.options()));
            }
            m.put(name, device);
        }
        return m;
    }

    private static Map<String, Object> audit(AuditSettings a) {
        Map<String, Object> m = new LinkedHashMap<>();
        a.keyFile().ifPresent(p -> m.put("keyFile", p.toString()));
        a.keyVariable().ifPresent(v -> m.put("keyEnv", v)); // the variable's name, never the key
        a.headFile().ifPresent(p -> m.put("headFile", p.toString()));
        return m;
    }

    private static Map<String, Object> fleet(FleetSettings f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("broker", f.broker().toString());
        f.caFile().ifPresent(p -> m.put("caFile", p.toString()));
        f.username().ifPresent(u -> m.put("username", u));
        f.passwordEnv().ifPresent(e -> m.put("passwordEnv", e)); // the variable's name, never the password
        f.clientCertificate().ifPresent(p -> m.put("clientCertificate", p.toString()));
        f.clientKey().ifPresent(p -> m.put("clientKey", p.toString()));
        m.put("region", f.region());
        m.put("hall", f.hall());
        m.put("kiosk", f.kiosk());
        m.put("heartbeat", Durations.format(f.heartbeat()));
        m.put("keepAlive", Durations.format(f.keepAlive()));
        if (!f.operatorKeys().isEmpty()) {
            m.put("operatorKeys", f.operatorKeys().stream().map(Object::toString).toList());
        }
        Map<String, Object> queue = new LinkedHashMap<>();
        f.queueDirectory().ifPresent(d -> queue.put("directory", d.toString()));
        queue.put("maxMessages", f.queueMaxMessages());
        queue.put("maxBytes", f.queueMaxBytes());
        m.put("queue", queue);
        return m;
    }

    private static Map<String, Object> store(StoreConfig s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", s.type());
        putIfPresent(m, "url", s.url());
        putIfPresent(m, "user", s.user());
        putIfPresent(m, "password", s.passwordAsWritten());
        if (s.walkInReserve() != StoreConfig.DEFAULT_WALK_IN_RESERVE) {
            m.put("walkInReserve", s.walkInReserve());
        }
        if (!StoreConfig.DEFAULT_FORWARD_RETRY_MAX.equals(s.forwardRetryMax())) {
            m.put("forwardRetryMax", Durations.format(s.forwardRetryMax()));
        }
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
