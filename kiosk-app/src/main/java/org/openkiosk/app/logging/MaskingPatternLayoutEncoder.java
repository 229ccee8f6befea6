package org.openkiosk.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.PatternLayoutEncoderBase;
import java.nio.charset.StandardCharsets;

/**
 * Drop-in replacement for Logback's {@code PatternLayoutEncoder} that masks citizen data (see {@link LogMasker}).
 * Writes UTF-8 unless told otherwise, so Chinese text survives whatever the OS locale is. Use it in every appender:
 * {@code <encoder class="org.openkiosk.app.logging.MaskingPatternLayoutEncoder"><pattern>…</pattern></encoder>}.
 */
public class MaskingPatternLayoutEncoder extends PatternLayoutEncoderBase<ILoggingEvent> {

    public MaskingPatternLayoutEncoder() {
        setCharset(StandardCharsets.UTF_8);
    }

    @Override
    public void start() {
        MaskingPatternLayout patternLayout = new MaskingPatternLayout();
        patternLayout.setContext(context);
        patternLayout.setPattern(getPattern());
        patternLayout.setOutputPatternAsHeader(outputPatternAsHeader);
        patternLayout.start();
        this.layout = patternLayout;
        super.start();
    }
}
