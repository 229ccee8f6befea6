package org.openkiosk.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AbstractDeviceTest {

    /** A device whose transport is a list of recorded calls. */
    static final class RecordingDevice extends AbstractDevice {
        final List<String> calls = new ArrayList<>();
        boolean failOpen;

        RecordingDevice(String name) {
            super(name, DeviceClass.RECEIPT_PRINTER);
        }

        @Override
        protected void doOpen() throws DeviceException {
            calls.add("open");
            if (failOpen) {
                throw new DeviceException("port /dev/ttyUSB9 not found", RecommendedAction.CHECK_CONFIGURATION, true);
            }
        }

        @Override
        protected void doClaim() {
            calls.add("claim");
        }

        @Override
        protected void doEnable() {
            calls.add("enable");
        }

        @Override
        protected void doDisable() {
            calls.add("disable");
        }

        @Override
        protected void doRelease() {
            calls.add("release");
        }

        @Override
        protected void doClose() {
            calls.add("close");
        }

        @Override
        public String description() {
            return "recording";
        }

        @Override
        public HealthStatus checkHealth(HealthCheckLevel level) {
            return health();
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.of(Capability.CAN_CUT);
        }
    }

    @Test
    void walksTheLifecycleInOrderAndClosesInReverse() throws Exception {
        RecordingDevice device = new RecordingDevice("receiptPrinter");
        device.open();
        device.claim();
        device.enable();
        assertThat(device.state()).isEqualTo(DeviceState.ENABLED);
        device.close();
        assertThat(device.calls).containsExactly("open", "claim", "enable", "disable", "release", "close");
        assertThat(device.state()).isEqualTo(DeviceState.CLOSED);
    }

    @Test
    void refusesToEnableBeforeClaim() throws Exception {
        RecordingDevice device = new RecordingDevice("receiptPrinter");
        device.open();
        assertThatThrownBy(device::enable).isInstanceOf(DeviceException.class).hasMessageContaining("cannot enable while OPENED");
    }

    @Test
    void failedOpenLeavesDeviceClosedAndOfflineWithTheCause() {
        RecordingDevice device = new RecordingDevice("idReader");
        device.failOpen = true;
        List<DeviceEvent> events = new ArrayList<>();
        device.addListener(events::add);
        assertThatThrownBy(device::open).hasMessageContaining("/dev/ttyUSB9");
        assertThat(device.state()).isEqualTo(DeviceState.CLOSED);
        assertThat(device.health().health()).isEqualTo(Health.OFFLINE);
        assertThat(device.health().action()).isEqualTo(RecommendedAction.CHECK_CONFIGURATION);
        assertThat(events).singleElement().isInstanceOf(DeviceEvent.StatusUpdate.class);
    }

    @Test
    void registryRelaysEveryDevicesEventsAndRejectsDuplicateNames() throws Exception {
        try (DeviceRegistry registry = new DeviceRegistry()) {
            RecordingDevice printer = new RecordingDevice("receiptPrinter");
            registry.register(printer);
            List<DeviceEvent> seen = new ArrayList<>();
            registry.subscribe(seen::add);
            printer.open();
            assertThat(seen).singleElement().satisfies(e -> assertThat(e.deviceName()).isEqualTo("receiptPrinter"));
            assertThat(registry.find("receiptPrinter", RecordingDevice.class)).containsSame(printer);
            assertThatThrownBy(() -> registry.register(new RecordingDevice("receiptPrinter")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aThrowingListenerDoesNotStopOthers() throws Exception {
        RecordingDevice device = new RecordingDevice("scanner");
        List<DeviceEvent> seen = new ArrayList<>();
        device.addListener(e -> { throw new IllegalStateException("boom"); });
        device.addListener(seen::add);
        device.open();
        assertThat(seen).hasSize(1);
    }
}
