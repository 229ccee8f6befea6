package org.openkiosk.app.ui.screens.outofservice;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.openkiosk.app.ui.i18n.UiText;
import org.openkiosk.app.ui.i18n.Language;
import org.openkiosk.app.ui.i18n.Messages;

/**
 * The body every "out of service" home screen shares: title and advice in Chinese and English at once (a citizen
 * may not know how to switch language on a kiosk that cannot serve), then the technician's details.
 */
public final class OutOfServiceNotice {

    private OutOfServiceNotice() {}

    public static VBox build(Messages messages, Node... technicianDetails) {
        VBox box = new VBox(24, fixed(messages, Language.ZH, "oos.title", "oos-title"),
                fixed(messages, Language.EN, "oos.title", "oos-title-en"),
                fixed(messages, Language.ZH, "oos.advice", "body-text"),
                fixed(messages, Language.EN, "oos.advice", "body-text"));
        box.getChildren().addAll(technicianDetails);
        box.getStyleClass().addAll("screen", "oos-screen");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** Deliberately in one fixed language (both are shown), so marked as data for the bundle coverage check. */
    private static Label fixed(Messages messages, Language language, String key, String style) {
        Label l = UiText.data(new Label(messages.format(language, key)));
        l.getStyleClass().add(style);
        l.setWrapText(true);
        return l;
    }
}
