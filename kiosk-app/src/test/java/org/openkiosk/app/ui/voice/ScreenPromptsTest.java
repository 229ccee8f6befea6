package org.openkiosk.app.ui.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.ui.flow.FlowScreen;
import org.openkiosk.app.ui.i18n.Language;
import org.openkiosk.app.ui.i18n.Messages;

/** Every citizen screen has something to say in both languages, and spoken texts cannot carry data. */
class ScreenPromptsTest {

    @Test
    void everyFlowScreenHasItsSpokenPromptInBothBundlesUnlessItChoosesItsOwn() {
        List<String> missing = new ArrayList<>();
        int screens = 0;
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.openkiosk.app.ui.screens")) {
            if (!c.isAssignableTo(FlowScreen.class) || c.getName().contains("$")) {
                continue;
            }
            screens++;
            boolean ownPrompt = c.getMethods().stream().anyMatch(m -> m.getName().equals("voicePrompt")
                    && m.getOwner().equals(c));
            if (ownPrompt) {
                continue;
            }
            String key;
            try {
                key = "voice.screen." + Class.forName(c.getName()).getField("ID").get(null);
            } catch (ReflectiveOperationException e) {
                missing.add(c.getSimpleName() + " has no public ID");
                continue;
            }
            for (Language l : Language.values()) {
                if (!Messages.bundle(l).containsKey(key)) {
                    missing.add(key + " (" + l.code() + ")");
                }
            }
        }
        assertThat(screens).isGreaterThan(15);
        assertThat(missing).isEmpty();
    }

    @Test
    void spokenTextsHaveNoArgumentsAndNoDigits() {
        for (Language l : Language.values()) {
            var bundle = Messages.bundle(l);
            for (String key : bundle.keySet()) {
                if (key.startsWith("voice.")) {
                    String text = bundle.getString(key);
                    assertThat(new MessageFormat(text).getFormats()).as(key).isEmpty();
                    assertThat(text).as(key).doesNotContainPattern("[0-9０-９{}]");
                }
            }
        }
    }

    @Test
    void aPromptIsBundleKeysOnly() {
        assertThat(VoicePrompt.of("voice.screen.rating").keys()).containsExactly("voice.screen.rating");
        assertThatThrownBy(() -> VoicePrompt.of("11010519491231002X")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VoicePrompt.of("voice.screen.rating", "请取走 A012"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VoicePrompt.of("certificate.number")).isInstanceOf(IllegalArgumentException.class);
    }
}
