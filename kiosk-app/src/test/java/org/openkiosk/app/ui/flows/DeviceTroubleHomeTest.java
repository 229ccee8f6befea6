package org.openkiosk.app.ui.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.logging.PersonalDataRedactor;
import org.openkiosk.app.runtime.DefaultKioskRuntime;
import org.openkiosk.app.runtime.RuntimeFixtures;
import org.openkiosk.app.session.IdentificationMethod;
import org.openkiosk.app.ui.ShellOptions;
import org.openkiosk.app.ui.screens.attract.AttractScreen;
import org.openkiosk.app.ui.screens.outofservice.DeviceTroubleScreen;
import org.openkiosk.app.ui.testing.FlowDriver;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.device.HealthCheckLevel;
import org.openkiosk.device.escpos.ReceiptPrinter;
import org.openkiosk.device.idcard.IdNumber;

/**
 * A required device failing while the kiosk waits for the next citizen: the receipt printer of the demo kiosk
 * (a real ESC/POS driver on its simulator) runs out of paper, the home screen says "out of service" with
 * E-DEV-receiptPrinter, and the attract screen returns by itself when paper is back. A citizen in the middle of
 * a service is not thrown out.
 */
class DeviceTroubleHomeTest {

    @TempDir
    Path tmp;

    private FxShell fx;
    private DefaultKioskRuntime runtime;
    private FlowDriver driver;

    @BeforeEach
    void start() throws Exception {
        Path configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        KioskConfig config = ConfigLoader.load(configDir);
        fx = FxShell.ready(config, ShellOptions.kiosk().withWindowed(true).withDemo(true), clock -> {
            runtime = DefaultKioskRuntime.start(config, configDir, tmp.resolve("data"), true, clock);
            return runtime;
        });
        driver = new FlowDriver(fx);
        driver.awaitScreen(AttractScreen.ID);
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
        PersonalDataRedactor.clear();
    }

    @Test
    void paperOutOnTheReceiptPrinterTakesTheIdleKioskOutOfServiceUntilPaperIsBack() {
        ReceiptPrinter printer = runtime.receiptPrinter().orElseThrow();
        runtime.demoControls().orElseThrow().receiptPaperOut(true);
        printer.checkHealth(HealthCheckLevel.EXTERNAL);

        driver.awaitScreen(DeviceTroubleScreen.ID);
        assertThat(fx.<Label>node("#device-trouble-codes").getText()).isEqualTo("E-DEV-receiptPrinter");

        runtime.demoControls().orElseThrow().receiptPaperOut(false);
        printer.checkHealth(HealthCheckLevel.EXTERNAL);
        driver.awaitScreen(AttractScreen.ID);
        assertThat(runtime.deviceProblems()).isEmpty();
    }

    @Test
    void aNearlyFullDataDiskRefusesNewSessionsUntilSpaceIsFreed() {
        java.util.concurrent.atomic.AtomicLong free = new java.util.concurrent.atomic.AtomicLong(1L << 20);
        Path data = tmp.resolve("data");
        runtime.guardDiskSpace(new org.openkiosk.app.runtime.DiskSpaceGuard(data, 512L << 20, dir -> free.get()));

        driver.awaitScreen(DeviceTroubleScreen.ID);
        assertThat(fx.<Label>node("#device-trouble-codes").getText()).isEqualTo("E-DEV-disk");

        free.set(4096L << 20);
        runtime.guardDiskSpace(new org.openkiosk.app.runtime.DiskSpaceGuard(data, 512L << 20, dir -> free.get()));
        driver.awaitScreen(AttractScreen.ID);
    }

    @Test
    void aCitizenBeingServedIsNotInterruptedByDeviceTrouble() throws Exception {
        IdNumber id = IdNumber.parse("11010519491231002X");
        fx.fx(() -> fx.ctx().sessions().start(IdentificationMethod.TYPED_NUMBER, id));
        ReceiptPrinter printer = runtime.receiptPrinter().orElseThrow();
        runtime.demoControls().orElseThrow().receiptPaperOut(true);
        printer.checkHealth(HealthCheckLevel.EXTERNAL);
        assertThat(runtime.deviceProblems()).isNotEmpty();
        fx.fx(() -> { }); // let any queued reaction run
        fx.fx(() -> { });
        assertThat(fx.ctx().navigator().current().id()).isEqualTo(AttractScreen.ID);

        // once the citizen is gone, the next one is told at once
        fx.fx(() -> fx.ctx().endSession());
        driver.awaitScreen(DeviceTroubleScreen.ID);
    }
}
