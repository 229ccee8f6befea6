package org.openkiosk.app.ui.screens.maintenance;

import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.openkiosk.app.maintenance.MaintenanceAccess;
import org.openkiosk.app.maintenance.PinHash;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.i18n.UiText;
import org.openkiosk.app.ui.nav.Screen;
import org.openkiosk.app.ui.work.BackgroundWork;

/**
 * The maintenance PIN pad. The PIN is checked off the JavaFX thread (PBKDF2 is slow on purpose); a wrong PIN shows
 * how many tries are left, five wrong ones lock the pad for five minutes. In demo mode the PIN is shown.
 */
public final class PinScreen implements Screen {

    public static final String ID = "maintenance-pin";
    private static final double KEY_WIDTH = 150;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final UiContext ctx;
    private final MaintenanceMode mode;
    private final PinEntry entry = new PinEntry();
    private final Label message = new Label();
    private VBox view;
    private BackgroundWork.Job job;

    public PinScreen(UiContext ctx) {
        this.ctx = ctx;
        this.mode = ctx.maintenance();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Parent view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    @Override
    public void onShow() {
        if (!mode.access().configured()) {
            show("maint.pin.notConfigured");
        } else {
            mode.access().lockedUntil().ifPresent(until -> show("maint.pin.locked", time(until)));
        }
    }

    @Override
    public void onHide() {
        if (job != null) {
            job.cancel();
        }
        entry.clear();
    }

    private VBox build() {
        Label title = label("maint.pin.title", "screen-title");
        Label prompt = label("maint.pin.prompt", "body-text");
        Label dots = UiText.data(new Label());
        dots.setId("maint-pin-dots");
        dots.getStyleClass().add("id-entry");
        dots.setMinWidth(420);
        dots.textProperty().bind(Bindings.createStringBinding(() -> "●".repeat(entry.lengthProperty().get()),
                entry.lengthProperty()));

        GridPane keypad = new GridPane();
        keypad.getStyleClass().add("keypad");
        keypad.setAlignment(Pos.CENTER);
        String keys = "123456789";
        for (int i = 0; i < keys.length(); i++) {
            keypad.add(digit(keys.charAt(i)), i % 3, i / 3);
        }
        Button clear = button("maint.pin.clear", "maint-pin-clear", "keypad-key");
        clear.setOnAction(e -> entry.clear());
        Button delete = button("maint.pin.delete", "maint-pin-delete", "keypad-key");
        delete.setOnAction(e -> entry.delete());
        keypad.getChildren().forEach(n -> ((Button) n).setMinWidth(KEY_WIDTH));
        clear.setMinWidth(KEY_WIDTH);
        delete.setMinWidth(KEY_WIDTH);
        keypad.add(clear, 0, 3);
        keypad.add(digit('0'), 1, 3);
        keypad.add(delete, 2, 3);

        message.setId("maint-pin-message");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);

        Button ok = button("maint.pin.ok", "maint-pin-ok", "primary-button");
        ok.disableProperty().bind(entry.lengthProperty().lessThan(PinHash.MIN_PIN_LENGTH)
                .or(ctx.work().busyProperty()));
        ok.setOnAction(e -> submit());
        Button cancel = button("maint.pin.cancel", "maint-pin-cancel", "secondary-button");
        cancel.setOnAction(e -> ctx.navigator().home());
        HBox actions = new HBox(24, cancel, ok);
        actions.setAlignment(Pos.CENTER);

        // the keypad beside the words: one above the other, elder keys (or any keys at 1366×768) leave the window
        VBox words = new VBox(24, prompt, dots, message, actions);
        words.setAlignment(Pos.TOP_LEFT);
        actions.setAlignment(Pos.CENTER_LEFT);
        if (ctx.demo()) {
            Label demo = new Label();
            demo.setId("maint-pin-demo");
            demo.getStyleClass().add("demo-flag");
            demo.textProperty().bind(ctx.messages().text("maint.pin.demo", MaintenanceAccess.DEMO_PIN));
            words.getChildren().add(1, demo);
        }
        HBox.setHgrow(words, javafx.scene.layout.Priority.ALWAYS);
        HBox body = new HBox(64, keypad, words);
        body.setAlignment(Pos.TOP_CENTER);
        VBox box = new VBox(24, title, body);
        box.getStyleClass().add("screen");
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    private Button digit(char d) {
        Button b = UiText.data(new Button(String.valueOf(d)));
        b.setId("maint-pin-" + d);
        b.getStyleClass().add("keypad-key");
        b.setMinWidth(KEY_WIDTH);
        b.setOnAction(e -> entry.press(d));
        return b;
    }

    private void submit() {
        char[] pin = entry.take();
        show("maint.pin.checking");
        job = ctx.work().run(() -> mode.access().enter(pin), this::answer,
                failure -> show("maint.pin.error"));
    }

    private void answer(MaintenanceAccess.Attempt attempt) {
        if (attempt instanceof MaintenanceAccess.Attempt.Granted) {
            ctx.navigator().show(ctx.screens().maintenance());
        } else if (attempt instanceof MaintenanceAccess.Attempt.Refused refused) {
            show("maint.pin.wrong", refused.remaining());
        } else if (attempt instanceof MaintenanceAccess.Attempt.LockedOut locked) {
            show("maint.pin.locked", time(locked.until()));
        } else {
            show("maint.pin.notConfigured");
        }
    }

    private String time(java.time.Instant instant) {
        return TIME.format(instant.atZone(ctx.clock().getZone()));
    }

    private void show(String key, Object... args) {
        message.textProperty().bind(ctx.messages().text(key, args));
    }

    private Label label(String key, String style) {
        Label l = new Label();
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.textProperty().bind(ctx.messages().text(key));
        return l;
    }

    private Button button(String key, String id, String style) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add(style);
        b.textProperty().bind(ctx.messages().text(key));
        return b;
    }
}
