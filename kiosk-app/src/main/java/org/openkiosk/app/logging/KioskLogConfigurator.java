package org.openkiosk.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.file.Path;

/**
 * Logback's automatic configuration for the kiosk program (found through {@code META-INF/services}): the kiosk's
 * logging in code ({@link KioskLogConfiguration}) under {@code ${kiosk.data}/logs}, without loading Logback's XML
 * interpreter (ADR 0128). Steps aside, so that Logback reads XML as usual, when a file is named with
 * {@code -Dlogback.configurationFile} (a technician's own configuration) or a {@code logback-test.xml} is on the
 * class path (tests).
 */
public final class KioskLogConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        return configure(context, KioskLogConfigurator.class.getClassLoader());
    }

    /** @param loader where a {@code logback-test.xml} would be found */
    ExecutionStatus configure(LoggerContext context, ClassLoader loader) {
        if (System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY) != null
                || loader.getResource(ContextInitializer.TEST_AUTOCONFIG_FILE) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        String data = System.getProperty(KioskLogging.DATA_PROPERTY, "data");
        KioskLogging.configureAtBootstrap(context, Path.of(data).toAbsolutePath().normalize());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
