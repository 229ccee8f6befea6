package org.openkiosk.app.ui.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.logging.PersonalDataRedactor;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.app.ui.ShellOptions;
import org.openkiosk.app.ui.screens.certificate.CertificatePreviewScreen;
import org.openkiosk.app.ui.screens.identify.IdentifyScreen;
import org.openkiosk.app.ui.testing.FlowDriver;
import org.openkiosk.app.ui.testing.FlowRuntime;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.ui.testing.TestConfigs;

/**
 * The citizen flows walked end to end in the headless shell over the real citizen services (H2 store with the
 * demo data): card → certificate printed → rating stored → session wiped; out of paper; typed number refused;
 * idle reset mid-flow.
 */
class CitizenFlowsTest {

    @TempDir
    Path dir;

    private FxShell fx;
    private FlowRuntime runtime;
    private FlowDriver citizen;

    private void start() {
        fx = FxShell.ready(TestConfigs.demoHall(), ShellOptions.kiosk().withWindowed(true), clock -> {
            runtime = new FlowRuntime(TestConfigs.demoHall(), dir, clock);
            return runtime;
        });
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
    void cardPlacedToCertificatePrintedInAtMostFourTouchesThenRatedAndWiped() {
        start();
        citizen.touch("service-certificate-printing");
        citizen.awaitScreen(IdentifyScreen.ID);
        citizen.resetTouches();

        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        assertThat(fx.<Label>node("#confirmed-id").getText()).isEqualTo("测*  1101**********002X");
        assertThat(PersonalDataRedactor.redact("测试 11010519491231002X")).doesNotContain("测试")
                .doesNotContain("11010519491231002X");
        citizen.touch("continue");
        citizen.awaitScreen("certificate-list");
        citizen.touch("certificate-no-criminal-record");
        citizen.awaitScreen("certificate-preview");
        assertThat(fx.fx(() -> ((CertificatePreviewScreen) fx.ctx().navigator().current()).page().getImage()))
                .as("the rendered page is shown").isNotNull();
        citizen.touch("print");
        citizen.awaitScreen("certificate-outcome");
        assertThat(citizen.touches()).as("touches from card placed to certificate printed").isLessThanOrEqualTo(4);
        assertThat(fx.<Label>node("#outcome-message").getText()).isEqualTo("已打印，请取走证明。");
        assertThat(runtime.a4.jobs).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM certificate_print WHERE outcome = 'PRINTED'")).isEqualTo(1);

        citizen.touch("done");
        citizen.awaitScreen("rating");
        citizen.touch("rate-very-satisfied");
        citizen.awaitScreen("leaving");
        assertThat(count("SELECT COUNT(*) FROM rating WHERE level = 5"
                + " AND service_code = 'no-criminal-record'")).isEqualTo(1);
        // no receipt was printed in this session, so the leaving screen does not mention one (issue 16)
        assertThat(fx.<Label>node("#leaving-message").getText()).isEqualTo("请带好身份证和随身物品");
        assertThat(fx.fx(() -> fx.ctx().sessions().isActive())).as("session wiped on the leaving screen").isFalse();
        assertThat(PersonalDataRedactor.isEmpty()).isTrue();
        citizen.touch("leave");
        citizen.awaitScreen("attract");
    }

    @Test
    void outOfPaperSaysSoHonestlyAndNothingIsRecordedAsPrinted() {
        start();
        runtime.a4.thenAnswer(PrintOutcome.failed("printer-state-reasons: media-empty-error"));
        citizen.touch("service-certificate-printing");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.touch("certificate-no-criminal-record");
        citizen.awaitScreen("certificate-preview");
        citizen.touch("print");
        citizen.awaitScreen("certificate-outcome");
        assertThat(fx.<Label>node("#outcome-message").getText()).startsWith("打印机缺纸——证明未打印");
        assertThat(count("SELECT COUNT(*) FROM certificate_print WHERE outcome = 'PRINTED'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM certificate_print WHERE outcome = 'FAILED'")).isEqualTo(1);
        fx.fx(() -> fx.ctx().messages().setLanguage(org.openkiosk.app.ui.i18n.Language.EN));
        assertThat(fx.<Label>node("#outcome-message").getText()).startsWith("The printer is out of paper");
    }

    @Test
    void typedNumberWithAWrongCheckDigitIsRefusedBeforeAnyLookup() {
        start();
        citizen.touch("service-queries");
        fx.fx(() -> "110105194912310021".chars()
                .forEach(c -> ((IdentifyScreen) fx.ctx().navigator().current()).entry().press((char) c)));
        citizen.touch("id-confirm");
        assertThat(citizen.screenId()).isEqualTo(IdentifyScreen.ID);
        assertThat(fx.<Label>node("#id-error").getText()).startsWith("号码校验未通过");
        assertThat(fx.fx(() -> fx.ctx().sessions().isActive())).isFalse();
    }

    @Test
    void aTypedNumberIsAskedForTheCardAlikeWhetherOrNotItIsOnRecord() {
        start();
        for (String service : new String[] {"service-queries", "service-certificate-printing",
                "service-appointments"}) {
            for (String number : new String[] {KNOWN, UNKNOWN}) {
                citizen.touch(service);
                citizen.awaitScreen(IdentifyScreen.ID);
                type(number);
                citizen.touch("id-confirm");
                citizen.await(() -> !fx.<Label>node("#id-error").getText().isEmpty(), "the refusal");
                assertThat(citizen.screenId()).isEqualTo(IdentifyScreen.ID);
                assertThat(fx.<Label>node("#id-error").getText()).as(service + " " + number)
                        .isEqualTo("请放置身份证。办理此业务需要读取您的身份证。");
                assertThat(fx.fx(() -> fx.ctx().sessions().isActive())).isFalse();
                fx.fx(() -> fx.ctx().messages().setLanguage(org.openkiosk.app.ui.i18n.Language.EN));
                assertThat(fx.<Label>node("#id-error").getText()).startsWith("Please place your ID card.");
                citizen.touch("go-home");
                citizen.awaitScreen("attract");
            }
        }
        // the card itself is then enough
        citizen.touch("service-queries");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.touch("open-progress");
        citizen.awaitScreen("progress");
        assertThat(fx.robot.lookup(".timeline").queryAll()).hasSize(2);
    }

    @Test
    void aTypedNumberChecksInWithTheSameMaskedConfirmationWhetherOrNotItIsOnRecord() {
        start();
        for (String number : new String[] {KNOWN, UNKNOWN}) {
            citizen.touch("service-check-in");
            citizen.awaitScreen(IdentifyScreen.ID);
            type(number);
            citizen.touch("id-confirm");
            citizen.awaitScreen("identity-confirmed");
            assertThat(fx.<Label>node("#confirmed-id").getText()).as("no name, nothing looked up")
                    .isEqualTo(number.substring(0, 4) + "**********" + number.substring(14));
            citizen.touch("continue");
            citizen.awaitScreen("check-in");
            assertThat(fx.<Label>node("#flow-error").getText()).contains("取一张现场号");
            citizen.touch("go-home");
            citizen.awaitScreen("attract");
        }
    }

    @Test
    void theServicesRefuseEvenWhenAScreenLetsTheCitizenThrough() throws Exception {
        // a network that wants the card for walk-in tickets, while check-in stays open to typed numbers
        var shipped = new org.openkiosk.app.service.catalogue.CatalogueLoader().loadDefault();
        var strict = new org.openkiosk.app.service.catalogue.ServiceCatalogue(shipped.zone(), shipped.checkIn(),
                shipped.services(), shipped.certificates(), shipped.platform(),
                new org.openkiosk.app.service.catalogue.AssuranceRules(null, "card", null, null, null, null, null,
                        null));
        fx = FxShell.ready(TestConfigs.demoHall(), ShellOptions.kiosk().withWindowed(true), clock -> {
            runtime = new FlowRuntime(TestConfigs.demoHall(), dir, clock, strict);
            return runtime;
        });
        citizen = new FlowDriver(fx);
        citizen.touch("service-check-in");
        type(KNOWN);
        citizen.touch("id-confirm");
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.awaitScreen("check-in");
        citizen.touch("walk-in");
        citizen.awaitScreen("walk-in");
        citizen.touch("walkin-vehicle");
        citizen.await(() -> fx.<Label>node("#flow-error").getText().startsWith("请放置身份证"), "the refusal");
        assertThat(citizen.screenId()).isEqualTo("walk-in");
        assertThat(runtime.receipts.tickets).isEmpty();
    }

    @Test
    void typedNumbersProbingForBookingsMakeTheKioskWaitButTheCardStillWorks() {
        start();
        for (int i = 0; i < 6; i++) { // numbers of nobody with a booking today
            citizen.touch("service-check-in");
            citizen.awaitScreen(IdentifyScreen.ID);
            type(org.openkiosk.app.service.platform.DemoData.withCheck("1101051980010112" + i).value());
            citizen.touch("id-confirm");
            citizen.awaitScreen("identity-confirmed");
            citizen.touch("continue");
            citizen.await(() -> fx.<Label>node("#flow-error").getText().contains("取一张现场号"), "no booking");
            citizen.touch("go-home");
            citizen.awaitScreen("attract");
        }
        citizen.touch("service-check-in");
        citizen.awaitScreen(IdentifyScreen.ID);
        type(KNOWN);
        citizen.touch("id-confirm");
        citizen.await(() -> fx.<Label>node("#id-error").getText().startsWith("输入错误次数过多"), "the back-off");
        assertThat(fx.fx(() -> fx.ctx().sessions().isActive())).isFalse();
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
    }

    static final String KNOWN = "11010519491231002X";
    /** Well-formed, but nobody of the demo data. */
    static final String UNKNOWN = org.openkiosk.app.service.platform.DemoData.withCheck("11010519800101123").value();

    private void type(String number) {
        fx.fx(() -> number.chars()
                .forEach(c -> ((IdentifyScreen) fx.ctx().navigator().current()).entry().press((char) c)));
    }

    @Test
    void idleResetMidFlowWipesTheSession() {
        start();
        citizen.touch("service-certificate-printing");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.touch("certificate-no-criminal-record");
        citizen.awaitScreen("certificate-preview");
        assertThat(fx.fx(() -> fx.ctx().sessions().isActive())).isTrue();

        fx.clock.advance(Duration.ofSeconds(95));
        fx.fx(() -> fx.shell.idle().orElseThrow().tick());
        assertThat(fx.node("#idle-overlay").isVisible()).isTrue();
        fx.clock.advance(Duration.ofSeconds(31));
        fx.fx(() -> fx.shell.idle().orElseThrow().tick());

        citizen.awaitScreen("attract");
        assertThat(fx.fx(() -> fx.ctx().sessions().isActive())).isFalse();
        assertThat(PersonalDataRedactor.isEmpty()).isTrue();
        assertThat(runtime.a4.jobs).isEmpty();
    }

    @Test
    void bookingPrintsASlipAndScanningTheSlipOnTheDayChecksInWithATicket() {
        start();
        citizen.touch("service-appointments");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.awaitScreen("book-service");
        citizen.touch("book-exit-entry");
        citizen.awaitScreen("book-day");
        citizen.touch("day-2026-11-24");
        citizen.awaitScreen("book-slot");
        citizen.touch("slot-1000");
        citizen.awaitScreen("book-confirm");
        citizen.touch("book");
        citizen.awaitScreen("booked");
        assertThat(runtime.receipts.slips).hasSize(1);
        String slipQr = runtime.receipts.slips.get(0).qrPayload();
        assertThat(fx.<Label>node("#slip-message").getText()).isEqualTo("请取走预约凭条。");
        citizen.touch("done");
        citizen.awaitScreen("rating");
        citizen.touch("rate-dissatisfied");
        citizen.touch("reason-slow");
        citizen.awaitScreen("leaving");
        assertThat(count("SELECT COUNT(*) FROM rating WHERE level = 2 AND reason = '等待时间太长'")).isEqualTo(1);
        citizen.touch("leave");
        citizen.awaitScreen("attract");

        // the next day, 20 minutes before the slot: check in by scanning the slip
        fx.clock.advance(Duration.ofHours(24).plusMinutes(10));
        citizen.touch("service-check-in");
        citizen.awaitScreen(IdentifyScreen.ID);
        scan(slipQr);
        citizen.awaitScreen("identity-confirmed");
        assertThat(fx.<Label>node("#confirmed-id").getText()).isEqualTo("1101**********002X");
        citizen.touch("continue");
        citizen.awaitScreen("ticket");
        assertThat(runtime.receipts.tickets).singleElement().satisfies(t -> {
            assertThat(t.ticketNo()).isEqualTo("A001");
            assertThat(t.priority()).isTrue();
            assertThat(t.peopleAhead()).isZero();
        });
        assertThat(fx.<Label>node("#ticket-number").getText()).isEqualTo("A001");
        assertThat(fx.<Label>node("#ticket-message").getText()).startsWith("请取走排队凭条");
    }

    @Test
    void withoutABookingTodayTheCitizenIsOfferedAWalkInTicket() {
        start();
        citizen.touch("service-check-in");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.awaitScreen("check-in");
        assertThat(fx.<Label>node("#flow-error").getText()).contains("取一张现场号");
        citizen.touch("walk-in");
        citizen.awaitScreen("walk-in");
        citizen.touch("walkin-vehicle");
        citizen.awaitScreen("ticket");
        assertThat(runtime.receipts.tickets).singleElement()
                .satisfies(t -> assertThat(t.ticketNo()).isEqualTo("C001"));
    }

    @Test
    void myAppointmentsMovesABookingToAnotherTimeAndCancelsIt() {
        start();
        citizen.touch("service-appointments");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.touch("book-exit-entry");
        citizen.touch("day-2026-11-24");
        citizen.touch("slot-1000");
        citizen.touch("book");
        citizen.awaitScreen("booked");
        String code = runtime.receipts.slips.get(0).bookingCode();
        citizen.touch("done");
        citizen.touch("rating-skip");
        citizen.touch("leave");

        citizen.touch("service-queries");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.touch("open-appointments");
        citizen.awaitScreen("my-appointments");
        citizen.touch("reschedule-" + code);
        citizen.awaitScreen("book-day");
        citizen.touch("day-2026-11-25");
        citizen.touch("slot-0930");
        citizen.awaitScreen("book-confirm");
        citizen.touch("book");
        citizen.awaitScreen("booked");
        assertThat(runtime.receipts.slips).hasSize(2);
        assertThat(runtime.receipts.slips.get(1).bookingCode()).isEqualTo(code);
        assertThat(runtime.receipts.slips.get(1).start()).isEqualTo(java.time.LocalTime.of(9, 30));
        citizen.touch("done");
        citizen.touch("rating-skip");
        citizen.touch("leave");

        citizen.touch("service-queries");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.touch("open-appointments");
        citizen.awaitScreen("my-appointments");
        citizen.touch("cancel-" + code);
        citizen.awaitIdle();
        citizen.await(() -> fx.robot.lookup("#cancel-" + code).tryQuery().isEmpty(), "the booking cancelled");
        assertThat(count("SELECT COUNT(*) FROM booking WHERE status = 'CANCELLED'")).isEqualTo(1);
    }

    /** The slip is held to the scanner: through the simulated scanner when the runtime has one. */
    private void scan(String code) {
        if (fx.runtime.demoControls().isPresent()) {
            fx.runtime.demoControls().get().scan(code);
        } else {
            fx.fx(() -> ((IdentifyScreen) fx.ctx().navigator().current()).acceptCode(code));
        }
    }

    long count(String sql) {
        return runtime.store.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
