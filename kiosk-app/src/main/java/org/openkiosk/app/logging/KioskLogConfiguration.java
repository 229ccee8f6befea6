package org.openkiosk.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.Map;

/**
 * The kiosk's logging configuration, written in code instead of a {@code logback.xml} so that neither Logback's
 * bootstrap nor {@link KioskLogging#init} loads the XML interpreter (Joran) at start-up (ADR 0128). What it sets up
 * (docs/logging.md):
 * <ul>
 *   <li>{@code CONSOLE}: stderr, so that command output on stdout stays clean for scripts;</li>
 *   <li>{@code FILE}: {@code logs/kiosk.log}, rolled daily and at {@value #FILE_MAX_SIZE}, {@value #KIOSK_MAX_HISTORY}
 *       days, at most {@value #KIOSK_TOTAL_SIZE_CAP} in total;</li>
 *   <li>{@code AUDIT_FILE}: {@code logs/audit.log}, only the {@value KioskLogging#AUDIT} logger (not additive),
 *       rolled daily and at {@value #FILE_MAX_SIZE}, {@value #AUDIT_MAX_HISTORY} days and <b>no</b> total size cap:
 *       kept at least six months (ADR 0067), a size cap would delete archives younger than that when reached; the
 *       keyed trail in the database is the record, this file its readable companion;</li>
 *   <li>every appender through {@link MaskingPatternLayoutEncoder}: no line may hold a full ID number or a
 *       registered name;</li>
 *   <li>java.util.logging (JavaFX) levels kept in step with Logback's ({@link LevelChangePropagator}), so that
 *       disabled JUL calls stay cheap.</li>
 * </ul>
 */
public final class KioskLogConfiguration {

    public static final String CONSOLE = "CONSOLE";
    public static final String FILE = "FILE";
    public static final String AUDIT_FILE = "AUDIT_FILE";

    public static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n%ex";
    public static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n%ex";
    public static final String AUDIT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %msg%n%ex";

    static final String FILE_MAX_SIZE = "10MB";
    static final int KIOSK_MAX_HISTORY = 30;
    static final String KIOSK_TOTAL_SIZE_CAP = "500MB";
    static final int AUDIT_MAX_HISTORY = 190;

    /** Loggers quieter than the root's INFO. */
    static final Map<String, Level> LEVELS = Map.of(
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN,
            "javafx", Level.WARN,
            "org.apache.fontbox", Level.WARN,
            // Noto Sans SC carries a format-14 cmap (variation selectors) that FontBox skips; harmless, said on every start
            "org.apache.fontbox.ttf.CmapSubtable", Level.ERROR,
            // "H2 2.3 is newer than this Flyway": the migrations are tested on exactly this H2 version (ADR 0060)
            "org.flywaydb.core.internal.database.base.Database", Level.ERROR,
            "org.apache.pdfbox", Level.WARN);

    private KioskLogConfiguration() {}

    /**
     * Configures {@code context} (already reset) to log under {@code logDir}. Problems (a file that cannot be opened)
     * are reported the way Logback reports them: as error statuses in the context's status manager.
     */
    static void configure(LoggerContext context, Path logDir) {
        LevelChangePropagator jul = new LevelChangePropagator();
        jul.setContext(context);
        jul.setResetJUL(true);
        jul.start();
        context.addListener(jul);

        String dir = logDir.toString();
        Appender<ILoggingEvent> console = console(context);
        Appender<ILoggingEvent> file = rollingFile(context, FILE, dir, "kiosk", FILE_PATTERN, KIOSK_MAX_HISTORY,
                KIOSK_TOTAL_SIZE_CAP);
        Appender<ILoggingEvent> audit = rollingFile(context, AUDIT_FILE, dir, "audit", AUDIT_PATTERN, AUDIT_MAX_HISTORY,
                null);

        Logger auditLogger = context.getLogger(KioskLogging.AUDIT);
        auditLogger.setLevel(Level.INFO);
        auditLogger.setAdditive(false);
        auditLogger.addAppender(audit);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        root.addAppender(file);
    }

    private static Appender<ILoggingEvent> console(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(CONSOLE);
        console.setTarget("System.err");
        console.setEncoder(encoder(context, CONSOLE_PATTERN));
        console.start();
        return console;
    }

    private static Appender<ILoggingEvent> rollingFile(LoggerContext context, String name, String dir, String base,
                                                       String pattern, int maxHistory, String totalSizeCap) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setFile(dir + "/" + base + ".log");
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(dir + "/" + base + ".%d{yyyy-MM-dd}.%i.log.gz");
        policy.setMaxFileSize(FileSize.valueOf(FILE_MAX_SIZE));
        policy.setMaxHistory(maxHistory);
        if (totalSizeCap != null) {
            policy.setTotalSizeCap(FileSize.valueOf(totalSizeCap));
        }
        policy.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder(context, pattern));
        appender.start();
        return appender;
    }

    private static MaskingPatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        MaskingPatternLayoutEncoder encoder = new MaskingPatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
