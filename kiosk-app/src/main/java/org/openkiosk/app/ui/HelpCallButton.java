package org.openkiosk.app.ui;

import java.util.Optional;
import javafx.scene.control.Button;
import org.openkiosk.app.ui.flow.SessionKeys;
import org.openkiosk.app.ui.nav.Screen;

/**
 * "呼叫工作人员 / Call staff" in the header of every citizen screen (larger in elder mode, by the theme). Raises a
 * call naming the screen and the service in progress; nothing about the citizen.
 */
public final class HelpCallButton extends Button {

    public HelpCallButton(UiContext ctx, HelpCallModel model) {
        setId("help-call");
        getStyleClass().addAll("header-toggle", "help-call-button");
        textProperty().bind(ctx.messages().text("help.button"));
        setMinWidth(USE_PREF_SIZE);
        setOnAction(e -> {
            Screen current = ctx.navigator().current();
            Optional<String> service = ctx.sessions().current().flatMap(s -> s.choice(SessionKeys.RATED_SERVICE));
            model.raise(current == null ? "unknown" : current.id(), service);
        });
    }
}
