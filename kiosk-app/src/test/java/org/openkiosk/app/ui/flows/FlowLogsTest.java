package org.openkiosk.app.ui.flows;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.logging.KioskLogging;
import org.openkiosk.app.logging.PersonalDataRedactor;
import org.openkiosk.app.ui.ShellOptions;
import org.openkiosk.app.ui.screens.identify.IdentifyScreen;
import org.openkiosk.app.ui.testing.FlowDriver;
import org.openkiosk.app.ui.testing.FlowRuntime;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.ui.testing.TestConfigs;
import org.slf4j.LoggerFactory;

/**
 * Walks the flows with the production logging writing into a temporary data directory, then reads every log
 * file written: no full ID number and no name of the citizens who used the kiosk.
 */
class FlowLogsTest {

    private static final String ID = "11010519491231002X";
    private static final String NAME = "测试";

    @TempDir
    Path data;

    private FxShell fx;
    private FlowRuntime runtime;

    @AfterEach
    void restore() throws Exception {
        if (fx != null) {
            fx.close();
        }
        PersonalDataRedactor.clear();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
        System.clearProperty(KioskLogging.DATA_PROPERTY);
    }

    @Test
    void noLogFileHoldsAFullIdNumberOrAName() throws Exception {
        KioskLogging.init(data);
        fx = FxShell.ready(TestConfigs.demoHall(), ShellOptions.kiosk().withWindowed(true), clock -> {
            runtime = new FlowRuntime(TestConfigs.demoHall(), data.resolve("store"), clock);
            return runtime;
        });
        FlowDriver citizen = new FlowDriver(fx);

        citizen.touch("service-certificate-printing");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.touch("certificate-no-criminal-record");
        citizen.touch("print");
        citizen.awaitScreen("certificate-outcome");
        citizen.touch("done");
        citizen.touch("rate-satisfied");
        citizen.touch("leave");

        citizen.touch("service-appointments");
        fx.fx(() -> ID.chars().forEach(c -> ((IdentifyScreen) fx.ctx().navigator().current()).entry().press((char) c)));
        citizen.touch("id-confirm"); // a typed number cannot book: the citizen is asked for the card
        citizen.await(() -> !fx.<javafx.scene.control.Label>node("#id-error").getText().isEmpty(), "asked for the card");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.touch("book-exit-entry");
        citizen.touch("day-2026-11-24");
        citizen.touch("slot-1000");
        citizen.touch("book");
        citizen.awaitScreen("booked");
        String slip = runtime.receipts.slips.get(0).qrPayload();
        citizen.touch("done");
        citizen.touch("rating-skip");
        citizen.touch("leave");

        fx.clock.advance(Duration.ofHours(24).plusMinutes(10));
        citizen.touch("service-check-in");
        fx.fx(() -> ((IdentifyScreen) fx.ctx().navigator().current()).acceptCode(slip));
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.awaitScreen("ticket");
        fx.close();
        fx = null;
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.stop(); // flush and close the files

        List<Path> logs;
        try (Stream<Path> files = Files.walk(KioskLogging.logDirectory(data))) {
            logs = files.filter(Files::isRegularFile).toList();
        }
        assertThat(logs).isNotEmpty();
        long lines = 0;
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            lines += text.lines().count();
            assertThat(text).as(log.toString()).doesNotContain(ID).doesNotContain(NAME);
        }
        assertThat(lines).as("the flows were logged").isGreaterThan(10);
        String kioskLog = Files.readString(KioskLogging.logDirectory(data).resolve("kiosk.log"));
        assertThat(kioskLog).contains("screen certificate-outcome").contains("1101**********002X");
    }
}
