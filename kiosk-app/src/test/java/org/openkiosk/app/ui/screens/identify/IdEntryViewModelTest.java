package org.openkiosk.app.ui.screens.identify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openkiosk.device.idcard.IdNumber;

class IdEntryViewModelTest {

    private final IdEntryViewModel model = new IdEntryViewModel();

    private void type(String s) {
        s.chars().forEach(c -> model.press((char) c));
    }

    @Test
    void acceptsAValidNumberWithXAsTheLastCharacter() {
        type("11010519491231002X");
        assertThat(model.complete().get()).isTrue();
        assertThat(model.grouped().get()).isEqualTo("110105 19491231 002X");
        assertThat(model.confirm()).map(IdNumber::value).contains("11010519491231002X");
        assertThat(model.errorKeyProperty().get()).isNull();
    }

    @Test
    void xIsOnlyAcceptedAsTheEighteenthCharacterAndNothingAfterIt() {
        type("1X");
        assertThat(model.entryProperty().get()).isEqualTo("1");
        assertThat(model.xAllowed().get()).isFalse();
        model.clear();
        type("11010519491231002");
        assertThat(model.xAllowed().get()).isTrue();
        type("X5");
        assertThat(model.entryProperty().get()).isEqualTo("11010519491231002X");
        assertThat(model.digitAllowed().get()).isFalse();
    }

    @Test
    void aWrongCheckDigitIsRefusedWithItsReason() {
        type("110105194912310021");
        assertThat(model.confirm()).isEmpty();
        assertThat(model.errorKeyProperty().get()).isEqualTo("identify.error.check_digit");
        model.backspace();
        assertThat(model.errorKeyProperty().get()).isNull();
    }

    @Test
    void aShortOrImpossibleNumberIsRefusedWithItsReason() {
        type("1101051949");
        assertThat(model.confirm()).isEmpty();
        assertThat(model.errorKeyProperty().get()).isEqualTo("identify.error.length");
        model.clear();
        String seventeen = "11010519491331002"; // month 13
        type(seventeen);
        model.press(IdNumber.checkCharacter(seventeen));
        assertThat(model.confirm()).isEmpty();
        assertThat(model.errorKeyProperty().get()).isEqualTo("identify.error.birth_date");
    }
}
