package org.openkiosk.app.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Only the UI package touches JavaFX; the session and everything else stay testable without a toolkit. */
@AnalyzeClasses(packages = "org.openkiosk.app", importOptions = ImportOption.DoNotIncludeTests.class)
class UiBoundaryTest {

    @ArchTest
    static final ArchRule onlyUiImportsJavaFx = noClasses().that().resideOutsideOfPackage("org.openkiosk.app.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("only org.openkiosk.app.ui may import javafx (brief)");

    @ArchTest
    static final ArchRule sessionIndependentOfUi = noClasses().that().resideInAPackage("org.openkiosk.app.session..")
            .should().dependOnClassesThat().resideInAPackage("org.openkiosk.app.ui..")
            .because("the citizen session is domain state, not UI");
}
