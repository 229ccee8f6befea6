package org.openkiosk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lines a headless demo cannot carry out are refused with a word on standard error, never a failure. */
class HeadlessDemoInputTest {

    private final StringWriter err = new StringWriter();

    @Test
    void withoutARunningDemoNothingIsSteered() {
        HeadlessDemoInput input = new HeadlessDemoInput(Optional::empty, new PrintWriter(err, true));
        assertThat(input.apply("receipt-paper out")).isFalse();
        assertThat(err.toString()).contains("demo input \"receipt-paper\" ignored: no demo kiosk is running");
    }
}
