package org.openkiosk.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes through the production logback.xml into real files and reads them back. */
class LoggingToFileTest {

    private static final String ID = LogMaskerTest.ID;
    private static final String NAME = LogMaskerTest.NAME;
    /** Not registered: only its shape gives it away. */
    private static final String OTHER_ID = "11010519491231002X";

    @TempDir
    Path data;

    @AfterEach
    void restoreTestLogging() throws Exception {
        PersonalDataRedactor.clear();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
        System.clearProperty(KioskLogging.DATA_PROPERTY);
    }

    @Test
    void logAndAuditFilesHoldOnlyMaskedCitizenData() throws Exception {
        KioskLogging.init(data);
        assertThat(System.getProperty(KioskLogging.DATA_PROPERTY)).isEqualTo(data.toAbsolutePath().toString());
        Logger log = LoggerFactory.getLogger("org.openkiosk.app.session.Session");
        Logger audit = LoggerFactory.getLogger(KioskLogging.AUDIT);

        try (PersonalDataRedactor.Registration citizen = PersonalDataRedactor.registerCitizen(NAME, ID)) {
            log.info("card read: name={} id={}", NAME, ID);
            log.warn("print failed", new IllegalStateException("certificate for " + NAME + " (" + ID + ") rejected",
                    new RuntimeException("cause mentions " + ID)));
            log.info("a typed number that was never registered: {}", OTHER_ID);
            audit.info("session-start kiosk=K-0101 citizen={} id={}", NAME, ID);
            java.util.logging.Logger.getLogger("javafx.scene.control").severe("javafx says " + NAME + " " + ID);
        }
        log.info("after the session: {}", NAME);

        String kioskLog = Files.readString(data.resolve("logs/kiosk.log"), StandardCharsets.UTF_8);
        String auditLog = Files.readString(data.resolve("logs/audit.log"), StandardCharsets.UTF_8);

        assertThat(kioskLog)
                .contains("card read: name=欧*梅 id=6201**********0722")
                .contains("java.lang.IllegalStateException: certificate for 欧*梅 (6201**********0722) rejected")
                .contains("Caused by: java.lang.RuntimeException: cause mentions 6201**********0722")
                .contains("at org.openkiosk.app.logging.LoggingToFileTest")
                .contains("never registered: 1101**********002X")
                .contains("javafx says 欧*梅 6201**********0722")
                .contains("after the session: " + NAME)
                .doesNotContain(ID).doesNotContain(OTHER_ID)
                .doesNotContain("session-start");
        assertThat(kioskLog.replace("after the session: " + NAME, "")).doesNotContain(NAME);

        assertThat(auditLog)
                .contains("session-start kiosk=K-0101 citizen=欧*梅 id=6201**********0722")
                .doesNotContain(ID).doesNotContain(NAME).doesNotContain("card read");
    }

    @Test
    void logbacksAutomaticConfigurationIsTheKiosksOwnInCodeAndInitKeepsItsOpenFiles() throws Exception {
        System.setProperty(KioskLogging.DATA_PROPERTY, data.toString());
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        KioskLogConfigurator configurator = new KioskLogConfigurator();
        configurator.setContext(context);
        // here a logback-test.xml is on the class path: the kiosk's configurator leaves it to Logback's XML
        assertThat(configurator.configure(context))
                .isEqualTo(ch.qos.logback.classic.spi.Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        // as in the kiosk program: no logback-test.xml
        context.reset();
        assertThat(configurator.configure(context, new ClassLoader(null) { }))
                .isEqualTo(ch.qos.logback.classic.spi.Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        LoggerFactory.getLogger("early").info("before init: {}", OTHER_ID);
        Object fileAppender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(KioskLogConfiguration.FILE);

        KioskLogging.init(data); // the same directory: the open files are kept
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(KioskLogConfiguration.FILE))
                .isSameAs(fileAppender);
        LoggerFactory.getLogger("later").info("after init");
        LoggerFactory.getLogger(KioskLogging.AUDIT).info("audit line");

        String kioskLog = Files.readString(data.resolve("logs/kiosk.log"), StandardCharsets.UTF_8);
        assertThat(kioskLog).contains("INFO  [" + Thread.currentThread().getName() + "] early - before init: "
                + "1101**********002X").contains("after init").doesNotContain(OTHER_ID).doesNotContain("audit line");
        assertThat(Files.readString(data.resolve("logs/audit.log"), StandardCharsets.UTF_8)).contains(" audit line");
    }

    @Test
    void aTechniciansOwnLogbackFileStaysInChargeAfterInit() throws Exception {
        Path own = Files.writeString(data.resolve("own-logback.xml"), """
                <configuration>
                  <appender name="OWN" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder class="org.openkiosk.app.logging.MaskingPatternLayoutEncoder"><pattern>%%logger %%msg%%n</pattern></encoder>
                  </appender>
                  <logger name="%s" level="DEBUG"/>
                  <root level="INFO"><appender-ref ref="OWN"/></root>
                </configuration>
                """.formatted(data.resolve("own.log"), StartupTimeline.LOGGER));
        System.setProperty(ContextInitializer.CONFIG_FILE_PROPERTY, own.toString());
        try {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.reset();
            new ContextInitializer(context).autoConfig();
            KioskLogging.init(data.resolve("kiosk-data"));
            StartupTimeline.mark("a phase");
        } finally {
            System.clearProperty(ContextInitializer.CONFIG_FILE_PROPERTY);
        }
        assertThat(Files.readString(data.resolve("own.log"))).containsPattern("org.openkiosk.startup start-up \\+\\d+ ms: a phase");
        assertThat(data.resolve("kiosk-data/logs/kiosk.log")).doesNotExist();
    }

    @Test
    void aDataDirectoryThatCannotHoldLogsIsReported() throws Exception {
        Path file = Files.writeString(data.resolve("not-a-directory"), "x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KioskLogging.init(file))
                .isInstanceOf(java.io.IOException.class);
    }
}
