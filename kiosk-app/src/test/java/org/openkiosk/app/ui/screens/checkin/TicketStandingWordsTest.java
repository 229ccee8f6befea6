package org.openkiosk.app.ui.screens.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.app.service.queue.QueueTicket;
import org.openkiosk.app.ui.i18n.Language;
import org.openkiosk.app.ui.i18n.Messages;
import org.openkiosk.app.ui.ShellOptions;
import org.openkiosk.app.service.queue.TicketResult;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.ui.testing.TestConfigs;

/**
 * What the ticket screen says about a ticket whose place in the hall's queue is not known (ADRs 0161, 0173, 0199):
 * only what is true. A ticket recorded while the hall store answered, whose confirmation the kiosk's own journal
 * could not give right after the commit, is recorded and being sent — the hall is not said to be unreachable, and a
 * check-in is never said to be checked in.
 */
class TicketStandingWordsTest {

    private FxShell fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private static QueueTicket ticket(int ahead, boolean checkInUnconfirmed, boolean forwardPending) {
        return new QueueTicket("A012", "H-3101", LocalDate.of(2026, 12, 2), "general", "residence", "居住证办理", true,
                ahead, Duration.ZERO, Instant.parse("2026-12-02T01:00:00Z"), "K-0101", checkInUnconfirmed,
                forwardPending);
    }

    @Test
    void eachStandingHasItsOwnTrueWordsInBothLanguages() {
        assertThat(TicketScreen.standingKey(ticket(3, false, false))).isNull(); // people ahead and the wait instead
        assertThat(TicketScreen.standingKey(ticket(QueueTicket.AHEAD_UNKNOWN, false, false))).isEqualTo("ticket.offline");
        assertThat(TicketScreen.standingKey(ticket(QueueTicket.AHEAD_UNKNOWN, true, false)))
                .isEqualTo("ticket.checkin_pending");
        assertThat(TicketScreen.standingKey(ticket(QueueTicket.AHEAD_UNKNOWN, true, true)))
                .isEqualTo("ticket.checkin_recorded");
        assertThat(TicketScreen.standingKey(ticket(QueueTicket.AHEAD_UNKNOWN, false, true)))
                .isEqualTo("ticket.recorded");

        var zh = Messages.bundle(Language.ZH);
        var en = Messages.bundle(Language.EN);
        // the journal failed, the hall answered: recorded here and being sent; never "cannot be reached", never
        // "checked in", never the general "the system cannot be reached"
        assertThat(en.getString("ticket.recorded")).contains("recorded at this kiosk").contains("being sent")
                .doesNotContain("cannot be reached");
        assertThat(en.getString("ticket.checkin_recorded")).contains("recorded at this kiosk")
                .contains("not confirmed").doesNotContain("cannot be reached");
        assertThat(zh.getString("ticket.recorded")).contains("已在本机登记").contains("正在送达")
                .doesNotContain("连不上");
        assertThat(zh.getString("ticket.checkin_recorded")).contains("已在本机登记").contains("尚未确认")
                .doesNotContain("连不上");
        assertThat(en.getString("ticket.checkin_recorded")).isNotEqualTo(en.getString("ticket.checkin_pending"));
    }

    @Test
    void theTicketScreenSaysACheckInRecordedHereIsBeingSentInBothLanguages() {
        fx = FxShell.ready(TestConfigs.sample(), ShellOptions.kiosk().withWindowed(true).withDemo(true));
        TicketResult recorded = new TicketResult(ticket(QueueTicket.AHEAD_UNKNOWN, true, true), PrintOutcome.success());
        fx.fx(() -> fx.ctx().navigator().show(fx.ctx().screens().ticket(recorded)));

        assertThat(fx.fx(() -> ((Label) fx.node("#ticket-standing")).getText()))
                .isEqualTo(Messages.bundle(Language.ZH).getString("ticket.checkin_recorded"));
        fx.fx(() -> fx.ctx().messages().setLanguage(Language.EN));
        assertThat(fx.fx(() -> ((Label) fx.node("#ticket-standing")).getText()))
                .isEqualTo(Messages.bundle(Language.EN).getString("ticket.checkin_recorded"));
    }
}
