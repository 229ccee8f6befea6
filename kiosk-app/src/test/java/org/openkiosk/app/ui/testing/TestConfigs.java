package org.openkiosk.app.ui.testing;

import java.time.Duration;
import java.util.Map;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.config.KioskIdentity;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.config.UiSettings;

/** Configurations built in code for UI tests (no files, no devices). */
public final class TestConfigs {

    public static final String HALL_ZH = "北京市东城区政务服务中心";
    public static final String HALL_EN = "Dongcheng District Government Service Centre";

    private TestConfigs() {}

    public static KioskConfig sample() {
        return withUi(new UiSettings("zh", false, Duration.ofSeconds(90), Duration.ofSeconds(30), true));
    }

    /** The sample configuration in the demo data's hall (appointments and check-in need a known hall). */
    public static KioskConfig demoHall() {
        KioskConfig c = sample();
        return new KioskConfig(new KioskIdentity("K-0102", org.openkiosk.app.service.platform.DemoData.DEMO_HALL,
                HALL_ZH, HALL_EN), c.ui(), c.devices(), c.store());
    }

    public static KioskConfig withUi(UiSettings ui) {
        return new KioskConfig(new KioskIdentity("K-0102", "H-0101", HALL_ZH, HALL_EN), ui, Map.of(),
                new StoreConfig("embedded", null, null, null));
    }
}
