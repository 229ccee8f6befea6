package org.openkiosk.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sets up the kiosk's logging: console (stderr), {@code DATA/logs/kiosk.log} (rolling) and
 * {@code DATA/logs/audit.log} (the {@value #AUDIT} logger), all masked; java.util.logging (JavaFX) routed through
 * SLF4J. See {@code logback.xml} and docs/logging.md.
 */
public final class KioskLogging {

    /** The audit trail's logger name: {@code LoggerFactory.getLogger(KioskLogging.AUDIT)}. */
    public static final String AUDIT = "AUDIT";
    /** The system property logback.xml reads the data directory from. */
    public static final String DATA_PROPERTY = "kiosk.data";

    private static final long LOGBACK_ERROR = Status.ERROR;

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
        LoggerContext context = loggerContext();
        long configuredAt = System.currentTimeMillis();
        context.reset();
        URL config = KioskLogging.class.getResource("/logback.xml");
        if (config == null) {
            throw new IllegalStateException("logback.xml is missing from the classpath");
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("logging configuration failed: " + e.getMessage(), e);
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

    /** The log directory currently configured, e.g. for the doctor or the maintenance screen. */
    public static Path logDirectory(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("logs");
    }

    /** JavaFX logs through java.util.logging; send it to SLF4J (levels are synced by logback.xml). */
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
