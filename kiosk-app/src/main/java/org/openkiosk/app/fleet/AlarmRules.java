package org.openkiosk.app.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which alarms a kiosk's state raises. Pure: the same state gives the same codes, so the link raises an alarm once
 * when its code appears and clears it when the code disappears.
 */
public final class AlarmRules {

    public static final String WARNING = "warning";
    public static final String CRITICAL = "critical";

    private AlarmRules() {}

    /** Active alarms by code, from the devices of {@code state} and the kiosk's own {@code system} alarms. */
    public static Map<String, Alarm> evaluate(KioskState state, List<Alarm> system, Instant now) {
        Map<String, Alarm> alarms = new TreeMap<>();
        if (state.devices() != null) {
            for (KioskState.Device d : state.devices()) {
                deviceAlarm(state.kiosk(), d, now).ifPresent(a -> alarms.put(a.code(), a));
            }
        }
        system.forEach(a -> alarms.put(a.code(), a));
        return alarms;
    }

    private static java.util.Optional<Alarm> deviceAlarm(String kiosk, KioskState.Device d, Instant now) {
        boolean usable = "ONLINE".equals(d.health()) || "BUSY".equals(d.health());
        String severity = d.required() ? CRITICAL : WARNING;
        String kind;
        if ("EMPTY".equals(d.paper()) || (!usable && "load paper".equals(d.action()))) {
            kind = "PAPER_OUT";
        } else if (!usable && "ID_CARD_READER".equals(d.deviceClass())) {
            kind = "READER_OFFLINE";
        } else if (!usable && d.deviceClass().endsWith("_PRINTER")) {
            kind = "PRINTER_STOPPED";
        } else if (!usable) {
            kind = "DEVICE_FAULT";
        } else if ("NEAR_END".equals(d.paper())) {
            kind = "PAPER_NEAR_END";
            severity = WARNING;
        } else {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Alarm(Alarm.SCHEMA, kiosk, kind + "." + d.name(), severity, d.name(), d.text(),
                d.action(), now));
    }
}
