package org.openkiosk.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Only the UI may touch JavaFX: configuration, logging, the command line, services and the store must run (and be
 * tested) without a display, and must not do their work on the JavaFX thread by accident.
 */
@AnalyzeClasses(packages = "org.openkiosk.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage("org.openkiosk.app.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("only org.openkiosk.app.ui.. may depend on JavaFX (brief: domain code never imports javafx)");

    @ArchTest
    static final ArchRule configurationAndLoggingStandAlone = noClasses()
            .that().resideInAnyPackage("org.openkiosk.app.config..", "org.openkiosk.app.logging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.openkiosk.app.ui..", "org.openkiosk.app.cli..",
                    "java.sql..", "javax.sql..")
            .because("configuration and logging sit below every other part of the kiosk program");
}
