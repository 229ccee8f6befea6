package org.openkiosk.app.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** English counts take the noun's singular for one ("1 print left", not "1 prints left"); Chinese has one form. */
class EnglishPluralsTest {

    private final Messages messages = new Messages(Language.EN);

    @Test
    void aCountOfOneTakesTheSingular() {
        assertThat(messages.format(Language.EN, "certificate.remaining", 1)).isEqualTo("1 print left");
        assertThat(messages.format(Language.EN, "certificate.remaining", 2)).isEqualTo("2 prints left");
        assertThat(messages.format(Language.EN, "certificate.remaining", 0)).isEqualTo("0 prints left");
        assertThat(messages.format(Language.EN, "certificate.list.remaining", 1)).isEqualTo("1 print left");
        assertThat(messages.format(Language.EN, "book.slot.free", 1)).isEqualTo("1 place free");
        assertThat(messages.format(Language.EN, "book.slot.free", 12)).isEqualTo("12 places free");
        assertThat(messages.format(Language.EN, "ticket.ahead", 1)).isEqualTo("1 person ahead of you");
        assertThat(messages.format(Language.EN, "ticket.ahead", 3)).isEqualTo("3 people ahead of you");
        assertThat(messages.format(Language.EN, "ticket.wait", 1L)).isEqualTo("Estimated wait: 1 minute");
        assertThat(messages.format(Language.EN, "ticket.wait", 15L)).isEqualTo("Estimated wait: 15 minutes");
        assertThat(messages.format(Language.EN, "idle.countdown", 1)).startsWith("In 1 second the kiosk");
        assertThat(messages.format(Language.EN, "idle.countdown", 30)).startsWith("In 30 seconds the kiosk");
        assertThat(messages.format(Language.EN, "maint.pin.wrong", 1)).isEqualTo("Wrong PIN. 1 try left");
        assertThat(messages.format(Language.EN, "maint.config.invalid", 1)).isEqualTo("The configuration has 1 problem");
        assertThat(messages.format(Language.EN, "maint.config.invalid", 1234)).isEqualTo("The configuration has 1,234 problems");
        assertThat(messages.format(Language.ZH, "certificate.remaining", 1)).doesNotContain("{").contains("1");
    }

    /** Every English message given 1 for each argument: no "1 prints", "1 minutes", "1 people" left anywhere. */
    @Test
    void noEnglishMessageSaysOneWithAPlural() {
        Pattern onePlural = Pattern.compile("(?<![\\d.,])1 (?:[a-z]{2,}s|people)\\b");
        for (String key : messages.keys(Language.EN)) {
            String text = messages.format(Language.EN, key, 1, 1, 1, 1);
            assertThat(onePlural.matcher(text).find()).as("%s: %s", key, text).isFalse();
        }
    }
}
