package org.openkiosk.device;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The device layer stays free of UI and database code so every front end and tool can use it. */
@AnalyzeClasses(packages = "org.openkiosk.device", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("device code must run without a UI (brief: domain and device code never import javafx)");

    @ArchTest
    static final ArchRule noDatabase = noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("device-drivers holds no database code");

    @ArchTest
    static final ArchRule noKioskApp = noClasses().should().dependOnClassesThat().resideInAPackage("org.openkiosk.app..")
            .because("the device layer sits below the kiosk program");
}
