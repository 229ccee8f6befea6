package org.openkiosk.app.ui.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
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
import org.openkiosk.app.ui.ShellOptions;
import org.openkiosk.app.ui.screens.identify.IdentifyScreen;
import org.openkiosk.app.ui.testing.FlowDriver;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.ui.testing.ScreenRenderer;
import org.openkiosk.device.escpos.sim.CapturedReceipt;
import org.openkiosk.device.scanner.ScannerDevice;

/**
 * The flows on the demo kiosk as {@code ./kiosk demo} builds it: the repository's configuration, every device a
 * real driver talking to its wire-level simulator (ID card reader and scanner over ptys, ESC/POS receipt
 * printer, an IPP printer on 127.0.0.1 for the A4 path), the demo store. Cards and scans come through
 * {@code DemoControls}, exactly as the demo panel sends them.
 */
class DemoKioskFlowsTest {

    @TempDir
    Path tmp;

    private FxShell fx;
    private DefaultKioskRuntime runtime;
    private FlowDriver citizen;

    @BeforeEach
    void start() throws Exception {
        Path configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        KioskConfig config = ConfigLoader.load(configDir);
        fx = FxShell.ready(config, ShellOptions.kiosk().withWindowed(true).withDemo(true), clock -> {
            runtime = DefaultKioskRuntime.start(config, configDir, tmp.resolve("data"), true, clock);
            return runtime;
        });
        assertThat(runtime.deviceProblems()).isEmpty();
        citizen = new FlowDriver(fx);
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
        PersonalDataRedactor.clear();
    }

    @Test
    void cardToCertificatePrintedOnTheIppPrinterToRatingToWipedSession() {
        var a4 = runtime.simulators().a4().orElseThrow();
        citizen.touch("service-certificate-printing");
        citizen.awaitScreen(IdentifyScreen.ID);
        shot("identify");
        citizen.resetTouches();

        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        assertThat(fx.<Label>node("#confirmed-id").getText()).isEqualTo("测*  1101**********002X");
        citizen.touch("continue");
        citizen.awaitScreen("certificate-list");
        int touchesSoFar = citizen.touches();
        shot("certificate-list");
        citizen.touch("certificate-no-criminal-record");
        citizen.awaitScreen("certificate-preview");
        shot("certificate-preview");
        citizen.touch("print");
        citizen.awaitScreen("certificate-outcome");
        shot("certificate-printed");
        assertThat(touchesSoFar).isEqualTo(1);

        assertThat(citizen.touches()).as("touches from card placed to certificate printed").isLessThanOrEqualTo(4);
        assertThat(fx.<Label>node("#outcome-message").getText()).isEqualTo("已打印，请取走证明。");
        assertThat(a4.printed()).hasSize(1);
        assertThat(new String(a4.printed().get(0).document(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(count("SELECT COUNT(*) FROM certificate_print WHERE outcome = 'PRINTED'")).isEqualTo(1);

        var receipts = runtime.simulators().receipt().orElseThrow();
        citizen.touch("print-receipt");
        citizen.awaitIdle();
        assertThat(fx.<Label>node("#receipt-message").getText()).isEqualTo("回执已打印，请一并取走。");
        citizen.await(() -> receipts.receipts().size() == 1, "the receipt");
        String number = fx.fx(() -> ((org.openkiosk.app.ui.screens.certificate.CertificateOutcomeScreen)
                fx.ctx().navigator().current()).result().certificateNumber());
        // the one certificate receipt layout, through the receipt port: number and prints left, no ID number or name
        assertThat(receipts.receipts().get(0).text()).contains("证明打印回执").contains(number).contains("剩余可打印")
                .doesNotContain("11010519491231002X").doesNotContain("1101**********002X").doesNotContain("测试");

        citizen.touch("done");
        citizen.awaitScreen("rating");
        shot("rating");
        citizen.touch("rate-satisfied");
        citizen.awaitScreen("leaving");
        shot("leaving");
        assertThat(count("SELECT COUNT(*) FROM rating WHERE level = 4 AND service_code = 'no-criminal-record'"))
                .isEqualTo(1);
        assertThat(fx.fx(() -> fx.ctx().sessions().isActive())).isFalse();
        citizen.touch("leave");
        citizen.awaitScreen("attract");
    }

    @Test
    void outOfPaperMidFlowIsToldHonestlyAndNothingIsRecordedAsPrinted() throws Exception {
        var a4 = runtime.simulators().a4().orElseThrow();
        citizen.touch("service-certificate-printing");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.touch("certificate-no-criminal-record");
        citizen.awaitScreen("certificate-preview");
        // the paper runs out while the citizen looks at the preview
        runtime.demoControls().orElseThrow().a4PaperOut(true);
        citizen.touch("print");
        citizen.awaitScreen("certificate-outcome");

        assertThat(fx.<Label>node("#outcome-message").getText()).startsWith("打印机缺纸——证明未打印");
        shot("certificate-paper-out");
        assertThat(count("SELECT COUNT(*) FROM certificate_print WHERE outcome = 'PRINTED'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM certificate_print WHERE outcome = 'FAILED'")).isEqualTo(1);
        // nothing comes out later either: whatever reached the printer was cancelled, not left waiting for paper
        assertThat(a4.jobs()).allSatisfy(j -> assertThat(j.state())
                .isIn(org.openkiosk.device.a4.JobState.CANCELED, org.openkiosk.device.a4.JobState.ABORTED));
        assertThat(a4.printed()).isEmpty();
    }

    @Test
    void bookingPrintsASlipAndScanningItOnTheDayChecksInWithAPrintedTicket() {
        var receipts = runtime.simulators().receipt().orElseThrow();
        citizen.touch("service-appointments");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.touch("book-exit-entry");
        citizen.touch("day-2026-11-24");
        citizen.awaitScreen("book-slot");
        shot("book-slot");
        citizen.touch("slot-1000");
        citizen.touch("book");
        citizen.awaitScreen("booked");
        shot("booked");
        citizen.await(() -> receipts.receipts().size() == 1, "the slip");
        CapturedReceipt slip = receipts.receipts().get(0);
        assertThat(slip.qrPayloads()).hasSize(1);
        assertThat(slip.text()).doesNotContain("11010519491231002X");
        String qr = slip.qrPayloads().get(0);
        citizen.touch("done");
        citizen.touch("rating-skip");
        citizen.touch("leave");
        citizen.awaitScreen("attract");

        fx.clock.advance(Duration.ofHours(24).plusMinutes(10)); // Tuesday 09:40, the slot is at 10:00
        citizen.touch("service-check-in");
        citizen.awaitScreen(IdentifyScreen.ID);
        runtime.demoControls().orElseThrow().scan(qr);
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.awaitScreen("ticket");
        assertThat(fx.<Label>node("#ticket-number").getText()).isEqualTo("A001");
        shot("ticket");
        fx.fx(() -> fx.ctx().elderModeProperty().set(true));
        shot("ticket-elder");
        fx.fx(() -> fx.ctx().messages().setLanguage(org.openkiosk.app.ui.i18n.Language.EN));
        shot("ticket-elder-en");
        citizen.await(() -> receipts.receipts().size() == 2, "the ticket");
        assertThat(receipts.receipts().get(1).text()).contains("A001");
    }

    @Test
    void aScanOnAScreenThatDidNotArmTheScannerIsIgnored() {
        ScannerDevice scanner = runtime.scanner().orElseThrow();
        citizen.touch("service-certificate-printing");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.awaitScreen("certificate-list");
        assertThat(scanner.isArmed()).as("leaving the identify screen disarmed the scanner").isFalse();
        long dropped = scanner.statistics().get(ScannerDevice.DROPPED);

        runtime.demoControls().orElseThrow().scan("OKAPPT1:ABCDEFGH");
        citizen.await(() -> scanner.statistics().get(ScannerDevice.DROPPED) == dropped + 1, "the scan dropped");
        assertThat(citizen.screenId()).isEqualTo("certificate-list");
        assertThat(fx.robot.lookup("#flow-error").<Label>query().isVisible()).isFalse();
    }

    @Test
    void idleResetMidFlowWipesTheSessionAndDisarmsTheDevices() {
        citizen.touch("service-check-in");
        citizen.awaitScreen(IdentifyScreen.ID);
        assertThat(runtime.scanner().orElseThrow().isArmed()).isTrue();
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.awaitScreen("check-in");
        assertThat(fx.fx(() -> fx.ctx().sessions().isActive())).isTrue();

        fx.clock.advance(Duration.ofSeconds(61));
        fx.fx(() -> fx.shell.idle().orElseThrow().tick());
        fx.clock.advance(Duration.ofSeconds(31));
        fx.fx(() -> fx.shell.idle().orElseThrow().tick());
        citizen.awaitScreen("attract");
        assertThat(fx.fx(() -> fx.ctx().sessions().isActive())).isFalse();
        assertThat(PersonalDataRedactor.isEmpty()).isTrue();
        assertThat(runtime.scanner().orElseThrow().isArmed()).isFalse();
    }

    @Test
    void everyCardTypeOnTheReaderIdentifiesOrSaysWhatToDoInstead() throws Exception {
        var demo = runtime.demoControls().orElseThrow();
        record Expected(org.openkiosk.device.idcard.CardType type, String confirmed) {}
        for (Expected e : List.of(
                new Expected(org.openkiosk.device.idcard.CardType.HK_MACAO_TAIWAN_PERMIT, "测*港  8100**********0015"),
                new Expected(org.openkiosk.device.idcard.CardType.FOREIGNER_2023, "测*者  9110**********0020"),
                new Expected(org.openkiosk.device.idcard.CardType.RESIDENT, "测*  1101**********002X"))) {
            citizen.touch("service-queries");
            citizen.awaitScreen(IdentifyScreen.ID);
            demo.removeCard();
            awaitAPollWithoutTheCard();
            demo.placeCard(e.type());
            citizen.awaitScreen("identity-confirmed");
            assertThat(fx.<Label>node("#confirmed-id").getText()).as(e.type().name()).isEqualTo(e.confirmed());
            citizen.touch("go-home");
            citizen.awaitScreen("attract");
        }
        // the 2017 foreigner's card carries a 15-character card number the platform does not know
        citizen.touch("service-queries");
        demo.removeCard();
        awaitAPollWithoutTheCard();
        demo.placeCard(org.openkiosk.device.idcard.CardType.FOREIGNER_2017);
        citizen.await(() -> !fx.<Label>node("#id-error").getText().isEmpty(), "the refusal");
        assertThat(fx.<Label>node("#id-error").getText()).contains("请输入 18 位号码");
        assertThat(citizen.screenId()).isEqualTo(IdentifyScreen.ID);
        assertThat(fx.fx(() -> fx.ctx().sessions().isActive())).isFalse();
    }

    /** The demo kiosk's screen as it is, for review and the README (target/test-output/screens/demo-*.png). */
    private void shot(String name) {
        citizen.awaitIdle();
        fx.fx(() -> ScreenRenderer.render(fx.shell.scene(), "demo-" + name));
    }

    long count(String sql) {
        return runtime.store().inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The reader has polled with the card off (so the next card is a new placement), instead of a fixed sleep. */
    private void awaitAPollWithoutTheCard() {
        var reader = runtime.simulators().idCard().orElseThrow();
        long finds = reader.received("FIND_CARD");
        org.openkiosk.testsupport.Poll.until(java.time.Duration.ofSeconds(10), "a card poll with the card off",
                () -> reader.received("FIND_CARD") >= finds + 2);
    }
}
