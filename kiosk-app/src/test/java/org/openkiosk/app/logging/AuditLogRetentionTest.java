package org.openkiosk.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.lang.reflect.Field;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * audit.log is kept at least six months and never cut short by a size cap (ADR 0067); kiosk.log has one. Read from
 * the appenders Logback really runs after {@link KioskLogging#init}.
 */
class AuditLogRetentionTest {

    static final int SIX_MONTHS_IN_DAYS = 184; // the longest six consecutive months

    @TempDir
    Path data;

    @AfterEach
    void restoreTestLogging() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
        System.clearProperty(KioskLogging.DATA_PROPERTY);
    }

    @Test
    void theAuditAppenderKeepsAtLeastSixMonthsWithoutASizeCap() throws Exception {
        KioskLogging.init(data);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

        TimeBasedRollingPolicy<?> audit = policy(context.getLogger(KioskLogging.AUDIT)
                .getAppender(KioskLogConfiguration.AUDIT_FILE));
        assertThat(audit.getMaxHistory()).isGreaterThanOrEqualTo(SIX_MONTHS_IN_DAYS);
        assertThat(totalSizeCap(audit)).as("a size cap deletes young archives").isNull();

        TimeBasedRollingPolicy<?> kiosk = policy(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .getAppender(KioskLogConfiguration.FILE));
        assertThat(totalSizeCap(kiosk)).as("kiosk.log's total size cap").isNotNull()
                .extracting(FileSize::getSize).isEqualTo(500L * 1024 * 1024);
    }

    private static TimeBasedRollingPolicy<?> policy(Object appender) {
        assertThat(appender).isInstanceOf(RollingFileAppender.class);
        RollingFileAppender<?> rolling = (RollingFileAppender<?>) appender;
        assertThat(rolling.isStarted()).isTrue();
        assertThat(rolling.getRollingPolicy()).isInstanceOf(TimeBasedRollingPolicy.class);
        return (TimeBasedRollingPolicy<?>) rolling.getRollingPolicy();
    }

    /** Logback has no getter for it; null when no cap was set. */
    private static FileSize totalSizeCap(TimeBasedRollingPolicy<?> policy) throws ReflectiveOperationException {
        Field field = TimeBasedRollingPolicy.class.getDeclaredField("totalSizeCap");
        field.setAccessible(true);
        FileSize cap = (FileSize) field.get(policy);
        return cap == null || cap.getSize() == 0 ? null : cap;
    }
}
