package org.openkiosk.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import com.tngtech.archunit.library.freeze.ViolationStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.archfixture.BuildsItsOwnVerifier;
import org.openkiosk.app.archfixture.UsesJavaFx;
import org.openkiosk.app.config.archfixture.ConfigReachingUp;
import org.openkiosk.app.service.archfixture.ServiceReachingDown;

/** Each rule of {@link ArchitectureTest} fails on a deliberate violation: none of them passes whatever the code. */
class ArchitectureRuleCanFailTest {

    private static final JavaClasses UPWARD_CYCLE = new ClassFileImporter()
            .importClasses(ConfigReachingUp.class, ServiceReachingDown.class);

    @Test
    void javaFxOutsideTheUiIsAViolation() {
        var result = ArchitectureTest.onlyTheUiUsesJavaFx.evaluate(new ClassFileImporter().importClasses(UsesJavaFx.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(d -> assertThat(d).contains("javafx.scene.paint.Color"));
    }

    @Test
    void aVerifierBuiltBesideSigningConfigIsAViolation() {
        var result = ArchitectureTest.certificateVerifiersComeFromSigningConfig
                .evaluate(new ClassFileImporter().importClasses(BuildsItsOwnVerifier.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains(BuildsItsOwnVerifier.class.getName()).contains("CertificateVerifier.<init>"));
    }

    @Test
    void configurationUsingAServiceBreaksTheLayers() {
        var result = ArchitectureTest.layers.evaluate(UPWARD_CYCLE);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains(ConfigReachingUp.class.getName())
                        .contains(ServiceReachingDown.class.getName()));
    }

    @Test
    void twoTopLevelPackagesUsingEachOtherAreACycle() {
        var result = ArchitectureTest.topLevelPackagesAreFreeOfCycles.evaluate(UPWARD_CYCLE);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(d -> assertThat(d).contains("Slice config"));
    }

    @Test
    void aNewCycleFailsTheFrozenRuleWhileAKnownOneDoesNot() {
        ArchRule cycles = classes().should(new PackageCycles("org.openkiosk.app")).as("fixture packages gain no new cycle");
        var store = new InMemoryStore();
        store.save(cycles, List.of("package config.archfixture depends on service.archfixture, which depends back on it"
                + " through other packages"));

        assertThatThrownBy(() -> FreezingArchRule.freeze(cycles).persistIn(store).check(UPWARD_CYCLE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("package service.archfixture depends on config.archfixture")
                .hasMessageNotContaining("package config.archfixture depends on service.archfixture");

        store.save(cycles, List.of(
                "package config.archfixture depends on service.archfixture, which depends back on it through other packages",
                "package service.archfixture depends on config.archfixture, which depends back on it through other packages"));
        FreezingArchRule.freeze(cycles).persistIn(store).check(UPWARD_CYCLE);
    }

    /** The frozen violations of one test, kept apart from the committed store. */
    private static final class InMemoryStore implements ViolationStore {
        private final Map<String, List<String>> violations = new HashMap<>();

        @Override
        public void initialize(Properties properties) {
        }

        @Override
        public boolean contains(ArchRule rule) {
            return violations.containsKey(rule.getDescription());
        }

        @Override
        public void save(ArchRule rule, List<String> lines) {
            violations.put(rule.getDescription(), List.copyOf(lines));
        }

        @Override
        public List<String> getViolations(ArchRule rule) {
            return violations.getOrDefault(rule.getDescription(), List.of());
        }
    }
}
