package org.openkiosk.app;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

/**
 * The kiosk program's architecture, enforced (ADR 0133). Only the UI may touch JavaFX; the top-level packages form
 * layers with no dependency pointing up and no cycle between them; cycles between sub-packages that exist today are
 * frozen in {@code src/test/archunit-store} and may only shrink.
 */
@AnalyzeClasses(packages = "org.openkiosk.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String APP = "org.openkiosk.app";

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

    /**
     * From the top: the program's entry and command line; the JavaFX shell; the fleet link; maintenance (over the
     * doctor's checks); the runtime that assembles devices, store and services; the citizen services; the
     * certificate documents and the store; the configuration (the operator console sits beside the command line); and at the bottom the support packages every layer
     * may use (logging, the session's clock and statistics, speech, supervision, files). Device drivers are a module of
     * their own below all of these.
     */
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Entry").definedBy(APP)
            .layer("Cli").definedBy(APP + ".cli..")
            .layer("Console").definedBy(APP + ".console..")
            .layer("Ui").definedBy(APP + ".ui..")
            .layer("Fleet").definedBy(APP + ".fleet..")
            .layer("Maintenance").definedBy(APP + ".maintenance..")
            .layer("Doctor").definedBy(APP + ".doctor..")
            .layer("Runtime").definedBy(APP + ".runtime..")
            .layer("Services").definedBy(APP + ".service..")
            .layer("Certificate").definedBy(APP + ".certificate..")
            .layer("Store").definedBy(APP + ".store..")
            .layer("Config").definedBy(APP + ".config..")
            .layer("Support").definedBy(APP + ".logging..", APP + ".session..", APP + ".voice..", APP + ".supervision..",
                    APP + ".files..")
            .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("Entry")
            .whereLayer("Console").mayOnlyBeAccessedByLayers("Entry", "Cli")
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("Entry", "Cli")
            .whereLayer("Fleet").mayOnlyBeAccessedByLayers("Entry", "Cli", "Console", "Ui")
            .whereLayer("Maintenance").mayOnlyBeAccessedByLayers("Entry", "Cli", "Console", "Ui", "Fleet")
            .whereLayer("Doctor").mayOnlyBeAccessedByLayers("Entry", "Cli", "Console", "Ui", "Fleet", "Maintenance")
            .whereLayer("Runtime").mayOnlyBeAccessedByLayers("Entry", "Cli", "Console", "Ui", "Fleet", "Maintenance", "Doctor")
            .whereLayer("Services").mayOnlyBeAccessedByLayers("Entry", "Cli", "Console", "Ui", "Fleet", "Maintenance", "Doctor",
                    "Runtime")
            .whereLayer("Certificate").mayOnlyBeAccessedByLayers("Entry", "Cli", "Console", "Ui", "Fleet", "Maintenance",
                    "Doctor", "Runtime", "Services")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("Entry", "Cli", "Console", "Ui", "Fleet", "Maintenance", "Doctor",
                    "Runtime", "Services")
            .whereLayer("Config").mayOnlyBeAccessedByLayers("Entry", "Cli", "Console", "Ui", "Fleet", "Maintenance", "Doctor",
                    "Runtime", "Services", "Certificate", "Store")
            .whereLayer("Support").mayOnlyBeAccessedByLayers("Entry", "Cli", "Console", "Ui", "Fleet", "Maintenance", "Doctor",
                    "Runtime", "Services", "Certificate", "Store", "Config")
            .because("a dependency that points up a layer ties the lower part to the one that uses it (ADR 0133)");

    /**
     * One verification path: every certificate verifier of the kiosk program (the kiosk's certificate check and
     * {@code ./kiosk certificate verify}) comes from {@code SigningConfig}, so that trusted keys, revocation list and
     * the demo-key rule are read one way.
     */
    @ArchTest
    static final ArchRule certificateVerifiersComeFromSigningConfig = noClasses()
            .that().doNotHaveFullyQualifiedName(APP + ".certificate.SigningConfig")
            .and().doNotHaveFullyQualifiedName(APP + ".certificate.CertificateVerifier")
            .should().callConstructor(APP + ".certificate.CertificateVerifier", APP + ".certificate.TrustedKeys")
            .orShould().callConstructor(APP + ".certificate.CertificateVerifier", APP + ".certificate.TrustedKeys",
                    APP + ".certificate.RevokedKeys", "boolean")
            .because("the kiosk and ./kiosk certificate verify check certificates one way (SigningConfig.verifier)");

    /**
     * A plain {@code ScrollPane} caches its viewport in an effect-pool image that is never returned when its
     * screen is dropped (ADR 0197); so are {@code TextArea}, {@code TitledPane} and {@code Pagination}, whose skins
     * cache a node the same way.
     */
    @ArchTest
    static final ArchRule scrollPanesAreKioskScrollPanes = noClasses()
            .that().doNotHaveFullyQualifiedName(APP + ".ui.widgets.KioskScrollPane")
            .should().callConstructorWhere(target(owner(assignableTo(javafx.scene.control.ScrollPane.class)
                    .and(com.tngtech.archunit.base.DescribedPredicate.not(
                            assignableTo(org.openkiosk.app.ui.widgets.KioskScrollPane.class))))))
            .orShould().dependOnClassesThat().belongToAnyOf(javafx.scene.control.TextArea.class,
                    javafx.scene.control.TitledPane.class, javafx.scene.control.Pagination.class)
            .because("the kiosk's scroll panes do not cache their viewport (KioskScrollPane, ADR 0197)");

    /**
     * What {@code Main} runs before the command line has set up logging (the toolkit's start and the fonts, on
     * another thread) makes no logger: one made there would start Logback's bootstrap on that thread, before
     * {@code KioskLogging.init} (ADR 0179).
     */
    @ArchTest
    static final ArchRule theToolkitStartMakesNoLogger = noClasses()
            .that().haveFullyQualifiedName(APP + ".ui.ToolkitStart")
            .or().haveFullyQualifiedName(APP + ".ui.theme.KioskFonts")
            .should().dependOnClassesThat().resideInAnyPackage("org.slf4j..", "ch.qos.logback..")
            .because("the toolkit and the fonts start before logging is set up (ADR 0179)");

    /** No cycle between the top-level packages: each can be understood, tested and changed from below. */
    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = slices().matching(APP + ".(*)..").should().beFreeOfCycles()
            .because("a cycle between top-level packages undoes the layering (ADR 0133)");

    /**
     * Cycles between sub-packages (the screens and {@code ui.ScreenFactory}, the services among themselves) are
     * frozen as they are today: an edge may disappear, no new one may close a cycle (ADR 0133).
     */
    @ArchTest
    static final ArchRule subPackagesGainNoNewCycle = FreezingArchRule.freeze(classes()
            .that().resideInAPackage(APP + "..").should(new PackageCycles(APP))
            .as("packages under " + APP + " should gain no new dependency cycle"));
}
