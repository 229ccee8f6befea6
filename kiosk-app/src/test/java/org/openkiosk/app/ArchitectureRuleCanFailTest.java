package org.openkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.archfixture.UsesJavaFx;

class ArchitectureRuleCanFailTest {

    @Test
    void javaFxOutsideTheUiIsAViolation() {
        var result = ArchitectureTest.onlyTheUiUsesJavaFx.evaluate(new ClassFileImporter().importClasses(UsesJavaFx.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(d -> assertThat(d).contains("javafx.scene.paint.Color"));
    }
}
