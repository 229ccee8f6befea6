package org.openkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.ui.i18n.Language;
import org.openkiosk.app.ui.i18n.Messages;
import org.openkiosk.app.ui.i18n.UiText;
import org.openkiosk.app.ui.screens.identify.IdentifyScreen;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.ui.testing.TestConfigs;

/**
 * Every visible text comes from the bundles: walks the scene graph of each screen in both languages and
 * checks that each visible label's text is a message of the current language (data such as the hall name
 * or the clock is marked with {@link UiText#data}), and that no key shows raw.
 */
class BundleCoverageTest {

    private FxShell fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void bothBundlesHaveTheSameKeysAndNoEmptyValues() {
        ResourceBundle zh = Messages.bundle(Language.ZH);
        ResourceBundle en = Messages.bundle(Language.EN);
        assertThat(zh.keySet()).isEqualTo(en.keySet());
        for (String key : zh.keySet()) {
            assertThat(zh.getString(key)).as(key).isNotBlank();
            assertThat(en.getString(key)).as(key).isNotBlank();
        }
        assertThat(zh.getString("attract.prompt")).isEqualTo("请放置身份证或扫描二维码"); // read as UTF-8
    }

    @Test
    void everyVisibleTextOnEveryScreenIsAMessageOfTheCurrentLanguage() {
        fx = FxShell.ready(TestConfigs.sample(), ShellOptions.kiosk().withWindowed(true).withDemo(true));
        checkBothLanguages("attract");
        fx.robot.clickOn("#service-check-in");
        checkBothLanguages("identify");
        fx.fx(() -> "110105194912310021".chars()
                .forEach(c -> ((IdentifyScreen) fx.ctx().navigator().current()).entry().press((char) c)));
        fx.robot.clickOn("#id-confirm");
        checkBothLanguages("identify with error");
        fx.fx(() -> {
            var screen = (IdentifyScreen) fx.ctx().navigator().current();
            screen.entry().clear();
            "11010519491231002X".chars().forEach(c -> screen.entry().press((char) c));
        });
        fx.robot.clickOn("#id-confirm");
        checkBothLanguages("identity confirmed");
        fx.clock.advance(Duration.ofSeconds(100));
        fx.fx(() -> fx.shell.idle().orElseThrow().tick());
        assertThat(fx.node("#idle-overlay").isVisible()).isTrue();
        checkBothLanguages("idle warning");
    }

    @Test
    void maintenanceScreensShowOnlyMessages() {
        fx = FxShell.ready(TestConfigs.sample(), ShellOptions.kiosk().withWindowed(true).withDemo(true));
        fx.fx(() -> fx.ctx().maintenance().openPinPad());
        checkBothLanguages("maintenance PIN pad");
        fx.fx(() -> fx.ctx().navigator().show(fx.ctx().screens().maintenance()));
        checkBothLanguages("maintenance (no runtime)");
        fx.fx(() -> {
            fx.ctx().maintenance().takeOutOfService("test");
            fx.ctx().maintenance().exit("exit");
        });
        checkBothLanguages("maintenance out of service");
    }

    private void checkBothLanguages(String screen) {
        checkBothLanguages(fx, screen);
    }

    /** Every visible non-data text on the shell's current screen is a bundle message, in both languages. */
    static void checkBothLanguages(FxShell fx, String screen) {
        for (Language language : Language.values()) {
            List<String> texts = fx.fx(() -> {
                fx.ctx().messages().setLanguage(language);
                List<String> found = new ArrayList<>();
                collect(fx.shell.scene().getRoot(), found);
                return found;
            });
            assertThat(texts).as("texts on %s", screen).isNotEmpty();
            List<Pattern> allowed = messagePatterns(language);
            for (String text : texts) {
                assertThat(text).as("raw key on %s", screen).doesNotContain("⟦");
                assertThat(allowed).as("\"%s\" on %s (%s) comes from the bundle", text, screen, language)
                        .anyMatch(p -> p.matcher(text).matches());
            }
        }
    }

    /** Visible, non-data texts. */
    private static void collect(Node node, List<String> out) {
        if (!node.isVisible() || UiText.isData(node)) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            out.add(labeled.getText());
        }
        if (node instanceof Labeled labeled && labeled.getGraphic() != null) {
            collect(labeled.getGraphic(), out);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    /** An argument: {@code {n}}, {@code {n,number}} or a choice such as {@code {n,choice,1#{n} print|1<{n} prints}}. */
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d+(?:,[^{}]*(?:\\{[^{}]*}[^{}]*)*)?}");

    /** Each message as a pattern: literal text, arguments match anything. */
    private static List<Pattern> messagePatterns(Language language) {
        ResourceBundle bundle = Messages.bundle(language);
        List<Pattern> patterns = new ArrayList<>();
        for (String key : bundle.keySet()) {
            String[] parts = bundle.getString(key).replace("''", "'").split(ARGUMENT.pattern(), -1);
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    regex.append(".+");
                }
                regex.append(Pattern.quote(parts[i]));
            }
            patterns.add(Pattern.compile(regex.toString()));
        }
        return patterns;
    }
}
