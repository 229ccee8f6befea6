package org.openkiosk.app.maintenance;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.openkiosk.app.logging.KioskLogging;
import org.slf4j.LoggerFactory;

/** Collects what reaches the real AUDIT logger (Logback) while open. */
public final class AuditCapture implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger(KioskLogging.AUDIT);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public AuditCapture() {
        appender.start();
        logger.addAppender(appender);
    }

    public List<String> lines() {
        synchronized (appender.list) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
