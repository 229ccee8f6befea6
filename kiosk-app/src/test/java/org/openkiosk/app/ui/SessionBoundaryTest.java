package org.openkiosk.app.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The citizen session is plain state below the UI (JavaFX itself is covered by ArchitectureTest). */
@AnalyzeClasses(packages = "org.openkiosk.app", importOptions = ImportOption.DoNotIncludeTests.class)
class SessionBoundaryTest {

    @ArchTest
    static final ArchRule sessionIndependentOfUi = noClasses().that().resideInAPackage("org.openkiosk.app.session..")
            .should().dependOnClassesThat().resideInAPackage("org.openkiosk.app.ui..")
            .because("the citizen session is domain state, not UI");
}
