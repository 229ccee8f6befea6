package org.openkiosk.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.DeviceConfig;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.transport.TransportUri;

/** Start-up with broken devices, a broken store, and closing without leaking threads or file handles. */
class DefaultKioskRuntimeLifecycleTest {

    @TempDir
    Path tmp;

    @Test
    void aBrokenRequiredDeviceIsADeviceProblemAndABrokenOptionalOneOnlyShowsInItsHealth() throws Exception {
        Path configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        KioskConfig demo = ConfigLoader.load(configDir);
        Map<String, DeviceConfig> devices = new HashMap<>(demo.devices());
        devices.put("idReader", new DeviceConfig("ga467", TransportUri.parse("serial:" + tmp.resolve("no-such-reader")),
                true, Map.of()));
        devices.put("receiptPrinter", new DeviceConfig("zebra", TransportUri.parse("sim:"), true, Map.of()));
        devices.put("a4Printer", new DeviceConfig("ipp", TransportUri.parse("cups:ipp://127.0.0.1:" + freePort()
                + "/ipp/print"), false, Map.of("requestTimeoutSeconds", "1")));
        KioskConfig broken = new KioskConfig(demo.kiosk(), demo.ui(), devices, demo.store());

        try (DefaultKioskRuntime runtime = DefaultKioskRuntime.start(broken, configDir, tmp.resolve("data"), true,
                Clock.systemDefaultZone())) {
            assertThat(runtime.deviceProblems()).extracting(DeviceProblem::code)
                    .containsExactly("E-DEV-idReader", "E-DEV-receiptPrinter");
            DeviceProblem reader = runtime.deviceProblems().get(0);
            assertThat(reader.health().text()).contains("no-such-reader");
            DeviceProblem printer = runtime.deviceProblems().get(1);
            assertThat(printer.health().text()).contains("receiptPrinter").contains("unknown driver \"zebra\"");
            assertThat(printer.health().action()).isEqualTo(RecommendedAction.CHECK_CONFIGURATION);
            assertThat(runtime.receiptPrinter()).isEmpty();

            assertThat(runtime.deviceHealth("a4Printer")).hasValueSatisfying(h -> {
                assertThat(h.isUsable()).isFalse();
                assertThat(h.action()).isEqualTo(RecommendedAction.RECONNECT);
            });
            // the services still run: a certificate fails honestly instead of the kiosk dying
            assertThat(runtime.services()).isNotNull();
            assertThat(runtime.recheckDevices()).extracting(DeviceProblem::code)
                    .containsExactly("E-DEV-idReader", "E-DEV-receiptPrinter");
        }
    }

    @Test
    void anOptionalPrinterThatWasUnreachableAtStartIsTakenIntoUseOnceItAnswers() throws Exception {
        Path configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        KioskConfig demo = ConfigLoader.load(configDir);
        int port = freePort();
        Map<String, DeviceConfig> devices = new HashMap<>(demo.devices());
        devices.put("a4Printer", new DeviceConfig("ipp", TransportUri.parse("cups:ipp://127.0.0.1:" + port
                + "/ipp/print"), false, Map.of("requestTimeoutSeconds", "1", "pollMillis", "50")));
        KioskConfig config = new KioskConfig(demo.kiosk(), demo.ui(), devices, demo.store());

        try (DefaultKioskRuntime runtime = DefaultKioskRuntime.start(config, configDir, tmp.resolve("data"), true,
                Clock.systemDefaultZone())) {
            assertThat(runtime.deviceProblems()).isEmpty(); // optional: the kiosk serves
            assertThat(runtime.deviceHealth("a4Printer").orElseThrow().isUsable()).isFalse();
            var refused = runtime.services().certificates().issue(runtime.services().identification().fromCard(
                    new org.openkiosk.app.service.identity.CardIdentity(
                            org.openkiosk.app.service.identity.CardType.RESIDENT_ID, "测试",
                            org.openkiosk.app.service.platform.DemoData.TEST_PERSON)), "no-criminal-record");
            assertThat(refused.outcome().printed()).isFalse();
            assertThat(refused.outcome().failureReason()).contains("not ready");

            try (var printer = org.openkiosk.device.a4.sim.IppPrinterSimulator.start(port,
                    java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(50), System::nanoTime)) {
                runtime.recheckAllDevices();
                assertThat(runtime.deviceHealth("a4Printer").orElseThrow().isUsable()).isTrue();
                var printed = runtime.services().certificates().issue(runtime.services().identification().fromCard(
                        new org.openkiosk.app.service.identity.CardIdentity(
                                org.openkiosk.app.service.identity.CardType.RESIDENT_ID, "测试",
                                org.openkiosk.app.service.platform.DemoData.TEST_PERSON)), "no-criminal-record");
                assertThat(printed.outcome().printed()).as(String.valueOf(printed.outcome().failureReason())).isTrue();
                assertThat(printer.printed()).hasSize(1);
            }
            assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("device-recovery"));
        }
    }

    @Test
    void aStoreThatCannotBeOpenedStopsTheStartWithEStoreAndLeavesNoDeviceOpen() throws Exception {
        Path configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        KioskConfig demo = ConfigLoader.load(configDir);
        // a store that is merely unreachable no longer stops a hall kiosk (ADR 0166, HallKioskRuntimeTest); one that
        // cannot be used at all still does
        KioskConfig badStore = new KioskConfig(demo.kiosk(), demo.ui(), demo.devices(),
                new StoreConfig("postgresql", "jdbc:postgres://127.0.0.1:" + freePort() + "/kiosk", "kiosk", "x"));
        long fdsBefore = RuntimeFixtures.openFileDescriptors();

        assertThatThrownBy(() -> DefaultKioskRuntime.start(badStore, configDir, tmp.resolve("data"), false,
                Clock.systemDefaultZone()))
                .isInstanceOf(RuntimeStartException.class)
                .satisfies(e -> assertThat(((RuntimeStartException) e).code()).isEqualTo(RuntimeStartException.STORE));
        assertThat(RuntimeFixtures.openFileDescriptors()).isLessThanOrEqualTo(fdsBefore + 2);
    }

    @Test
    void anInvalidServicesFileIsAConfigurationProblem() throws Exception {
        Path configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        Files.writeString(configDir.resolve("services.yaml"), "zone: Asia/Shanghai\nservicez: []\n");
        KioskConfig demo = ConfigLoader.load(configDir);
        assertThatThrownBy(() -> DefaultKioskRuntime.start(demo, configDir, tmp.resolve("data"), true,
                Clock.systemDefaultZone()))
                .isInstanceOf(RuntimeStartException.class)
                .hasMessageContaining("servicez")
                .satisfies(e -> assertThat(((RuntimeStartException) e).code()).isEqualTo(RuntimeStartException.CONFIG));
    }

    @Test
    void closingLeavesNoThreadAndNoFileHandleBehind() throws Exception {
        Path configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        KioskConfig config = ConfigLoader.load(configDir);
        // once to load classes, fonts and JDK-wide threads that live for the whole JVM
        DefaultKioskRuntime.start(config, configDir, tmp.resolve("data"), true, Clock.systemDefaultZone()).close();
        awaitSettled(); // the warm-up's threads end and its handles close asynchronously
        Set<String> threadsBefore = threadNames();
        long fdsBefore = RuntimeFixtures.openFileDescriptors();
        java.util.List<String> targetsBefore = RuntimeFixtures.openFileTargets();

        for (int i = 0; i < 2; i++) {
            try (DefaultKioskRuntime runtime = DefaultKioskRuntime.start(config, configDir, tmp.resolve("data"), true,
                    Clock.systemDefaultZone())) {
                assertThat(runtime.deviceProblems()).isEmpty();
                assertThat(threadNames()).anyMatch(n -> n.startsWith("idcard-poll"));
            }
        }
        org.openkiosk.testsupport.Poll.until(java.time.Duration.ofSeconds(5), "the runtime's threads ended",
                () -> threadsBefore.containsAll(threadNames()));
        assertThat(threadNames()).as("threads left after close").isSubsetOf(threadsBefore);
        java.util.List<String> added = new java.util.ArrayList<>(RuntimeFixtures.openFileTargets());
        targetsBefore.forEach(added::remove);
        assertThat(RuntimeFixtures.openFileDescriptors()).as("open file descriptors; new: %s", added)
                .isLessThanOrEqualTo(fdsBefore);
    }

    /** Until the live threads and the open file descriptors have stayed the same for 20 polls (200 ms). */
    private static void awaitSettled() {
        Object[] previous = {null};
        int[] same = {0};
        org.openkiosk.testsupport.Poll.until(java.time.Duration.ofSeconds(10), "threads and file handles settled", () -> {
            Object now;
            try {
                now = java.util.List.of(threadNames(), RuntimeFixtures.openFileDescriptors());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            same[0] = now.equals(previous[0]) ? same[0] + 1 : 0;
            previous[0] = now;
            return same[0] >= 20;
        });
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> !n.startsWith("ForkJoinPool.commonPool")).collect(Collectors.toSet());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
