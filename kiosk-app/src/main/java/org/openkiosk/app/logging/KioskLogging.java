package org.openkiosk.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sets up the kiosk's logging: console (stderr), {@code DATA/logs/kiosk.log} (rolling) and
 * {@code DATA/logs/audit.log} (the {@value #AUDIT} logger), all masked; java.util.logging (JavaFX) routed through
 * SLF4J. See {@link KioskLogConfiguration} and docs/logging.md.
 */
public final class KioskLogging {

    /** The audit trail's logger name: {@code LoggerFactory.getLogger(KioskLogging.AUDIT)}. */
    public static final String AUDIT = "AUDIT";
    /** The system property Logback's automatic configuration ({@link KioskLogConfigurator}) reads the data directory from. */
    public static final String DATA_PROPERTY = "kiosk.data";

    private static final long LOGBACK_ERROR = Status.ERROR;

    /** When the current kiosk configuration was made: its error statuses count from then. */
    private static long configuredAt;

    private KioskLogging() {}

    /**
     * (Re)configures logging to write under {@code dataDir/logs}. Call once the data directory is known (after the
     * command line is parsed); calling it again moves the logs.
     *
     * @throws IOException           when the log directory cannot be created
     * @throws IllegalStateException when Logback reports a configuration error (e.g. a log file cannot be opened)
     */
    public static synchronized void init(Path dataDir) throws IOException {
        Path absolute = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(absolute.resolve("logs"));
        System.setProperty(DATA_PROPERTY, absolute.toString());
        Path logDir = absolute.resolve("logs");
        LoggerContext context = loggerContext();
        if (System.getProperty(ch.qos.logback.classic.util.ContextInitializer.CONFIG_FILE_PROPERTY) != null) {
            // a technician's own Logback file (-Dlogback.configurationFile) stays in charge (docs/logging.md)
            routeJavaUtilLogging();
            return;
        }
        // Logback's bootstrap has usually configured the same directory already (Main sets kiosk.data to the
        // default): then the files are open and nothing is done twice
        if (!configuredFor(context, logDir)) {
            configure(context, logDir);
        }
        StatusUtil statusUtil = new StatusUtil(context);
        if (statusUtil.getHighestLevel(configuredAt) >= LOGBACK_ERROR) {
            String errors = context.getStatusManager().getCopyOfStatusList().stream()
                    .filter(s -> s.getDate() >= configuredAt && s.getEffectiveLevel() >= LOGBACK_ERROR)
                    .map(s -> s.getMessage() + (s.getThrowable() == null ? "" : ": " + s.getThrowable()))
                    .collect(Collectors.joining("; "));
            throw new IllegalStateException("logging configuration failed: " + errors);
        }
        routeJavaUtilLogging();
    }

    /** Logback's automatic configuration in the kiosk program ({@link KioskLogConfigurator}). */
    static synchronized void configureAtBootstrap(LoggerContext context, Path logDir) {
        configure(context, logDir.resolve("logs"));
    }

    private static void configure(LoggerContext context, Path logDir) {
        configuredAt = System.currentTimeMillis();
        context.reset();
        KioskLogConfiguration.configure(context, logDir);
    }

    /** Whether the context holds the kiosk's configuration for {@code logDir} (not a test's, nor another directory). */
    private static boolean configuredFor(LoggerContext context, Path logDir) {
        Appender<?> file = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(KioskLogConfiguration.FILE);
        return file instanceof RollingFileAppender<?> rolling && rolling.isStarted()
                && logDir.resolve("kiosk.log").toString().equals(rolling.getFile());
    }

    /** The log directory currently configured, e.g. for the doctor or the maintenance screen. */
    public static Path logDirectory(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("logs");
    }

    /** JavaFX logs through java.util.logging; send it to SLF4J (levels are kept in step by KioskLogConfiguration). */
    static void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    private static LoggerContext loggerContext() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            return context;
        }
        throw new IllegalStateException("SLF4J is not bound to Logback but to " + factory.getClass().getName());
    }
}
