package org.openkiosk.app.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.app.service.queue.QueueTicket;
import org.openkiosk.app.service.queue.TicketResult;
import org.openkiosk.app.ui.ShellOptions;
import org.openkiosk.app.ui.i18n.Language;
import org.openkiosk.app.ui.i18n.Messages;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.ui.testing.TestConfigs;

/**
 * A slip sent whole to a receipt printer that cannot confirm jobs (ADR 0131): the citizen reads plain words and a
 * next step — take it, and what to do if nothing came out — in Chinese and English, and is never told it is printed
 * (ADR 0136).
 */
class SentNotConfirmedWordingTest {

    private static final List<String> SENT_KEYS = List.of("ticket.sent", "booked.slip.sent", "certificate.receipt.sent",
            "voice.ticket.sent", "voice.booked.sent", "voice.certificate.receipt.sent");

    private FxShell fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void eachOutcomeHasItsOwnWords() {
        assertThat(PrintWords.key(PrintOutcome.success(), "p", "s", "f")).isEqualTo("p");
        assertThat(PrintWords.key(PrintOutcome.sentNotConfirmed(), "p", "s", "f")).isEqualTo("s");
        assertThat(PrintWords.key(PrintOutcome.failed("paper out"), "p", "s", "f")).isEqualTo("f");
    }

    @Test
    void theSentWordsNeverSayPrintedAndAlwaysGiveTheNextStep() {
        ResourceBundle zh = Messages.bundle(Language.ZH);
        ResourceBundle en = Messages.bundle(Language.EN);
        for (String key : SENT_KEYS) {
            assertThat(zh.getString(key)).as(key).contains("已发送到打印机").contains("如果没有出").doesNotContain("已打印");
            assertThat(en.getString(key).toLowerCase(Locale.ROOT)).as(key).contains("sent to the printer")
                    .containsAnyOf("if no ", "if none ").doesNotContain("printed");
        }
    }

    @Test
    void theTicketScreenSaysTheTicketWasSentAndWhatToDoIfNoneCameOut() {
        fx = FxShell.ready(TestConfigs.sample(), ShellOptions.kiosk().withWindowed(true).withDemo(true));
        TicketResult sent = new TicketResult(new QueueTicket("A012", "H-3101", LocalDate.of(2026, 12, 2), "general",
                "residence", "居住证办理", false, 3, Duration.ofMinutes(12), Instant.now(), "K-0101"),
                PrintOutcome.sentNotConfirmed());
        fx.fx(() -> fx.ctx().navigator().show(fx.ctx().screens().ticket(sent)));

        assertThat(fx.fx(() -> ((Label) fx.node("#ticket-message")).getText()))
                .isEqualTo(Messages.bundle(Language.ZH).getString("ticket.sent"));
        fx.fx(() -> fx.ctx().messages().setLanguage(Language.EN));
        assertThat(fx.fx(() -> ((Label) fx.node("#ticket-message")).getText()))
                .isEqualTo("Your ticket has been sent to the printer: please take it. If no ticket came out, note your"
                        + " number above and wait for it to be called.");
        assertThat(fx.fx(() -> fx.node("#ticket-message").getStyleClass())).contains("body-text");
    }
}
