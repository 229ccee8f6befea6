package org.openkiosk.app.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A kiosk's condition set by the test: one receipt printer whose paper level and health the test changes. */
final class TestStatusSource implements StatusSource {

    private final String region;
    private final String hall;
    private final String kiosk;
    volatile String paper = "OK";
    volatile String health = "ONLINE";
    volatile boolean inService = true;
    volatile long prints;

    TestStatusSource(String region, String hall, String kiosk) {
        this.region = region;
        this.hall = hall;
        this.kiosk = kiosk;
    }

    @Override
    public KioskState state() {
        List<KioskState.Device> devices = new ArrayList<>();
        devices.add(new KioskState.Device("receiptPrinter", "RECEIPT_PRINTER", true, "ENABLED", health,
                "EMPTY".equals(paper) ? "paper end" : "ready", "EMPTY".equals(paper) ? "load paper" : "nothing to do",
                paper, null, Map.of("prints", prints)));
        return new KioskState(KioskState.SCHEMA, kiosk, hall, region, true, null, Instant.now(),
                new KioskState.Service(inService, inService ? null : "E-MAINT", inService ? null : "repair", null, null),
                new KioskState.Versions("test", "cfg"), 1L, devices, null, null);
    }

    @Override
    public Telemetry telemetry() {
        return new Telemetry(Telemetry.SCHEMA, kiosk, Instant.now(), 0L, prints, 0L, 0L, 0L, 1L << 30, 1L << 20,
                1L << 28, 0, 0);
    }
}
