package org.openkiosk.app.ui.widgets;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.openkiosk.app.ui.i18n.UiText;
import org.openkiosk.app.ui.i18n.Messages;

/** "1 选择 → 2 核对 → 3 打印" above a flow screen's title: done steps ticked, the current step highlighted. */
public final class StepIndicator extends HBox {

    public StepIndicator(Messages messages, FlowStep step) {
        super(12);
        setId("step-indicator");
        getStyleClass().add("step-indicator");
        setAlignment(Pos.CENTER_LEFT);
        for (int i = 0; i < step.stepKeys().size(); i++) {
            if (i > 0) {
                Label arrow = UiText.data(new Label("→"));
                arrow.getStyleClass().add("step-arrow");
                getChildren().add(arrow);
            }
            int number = i + 1;
            Label mark = UiText.data(new Label(i < step.current() ? "✓" : String.valueOf(number)));
            mark.getStyleClass().add("step-number");
            Label name = new Label();
            name.getStyleClass().add("step-name");
            name.textProperty().bind(messages.text(step.stepKeys().get(i)));
            HBox item = new HBox(8, mark, name);
            item.setAlignment(Pos.CENTER_LEFT);
            item.setId("step-" + number);
            item.getStyleClass().addAll("step", i < step.current() ? "step-done"
                    : i == step.current() ? "step-current" : "step-later");
            item.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            getChildren().add(item);
        }
    }
}
