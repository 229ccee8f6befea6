package org.openkiosk.app.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * A pattern layout whose whole output line — message, arguments, MDC, exception messages and stack traces — passes
 * through {@link LogMasker}, so no part of a line can carry a full ID number or a registered name.
 */
public class MaskingPatternLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return LogMasker.mask(super.doLayout(event));
    }
}
