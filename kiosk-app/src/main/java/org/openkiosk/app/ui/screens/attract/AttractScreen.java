package org.openkiosk.app.ui.screens.attract;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.openkiosk.app.session.KioskService;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.i18n.Messages;
import org.openkiosk.app.ui.nav.Screen;

/**
 * The screen nobody is using: "place your ID card or scan a code" and the four big service buttons. Choosing
 * a service asks the citizen to identify first.
 */
public final class AttractScreen implements Screen {

    public static final String ID = "attract";

    private final UiContext ctx;
    private final AttractViewModel model;
    private VBox view;
    private AutoCloseable cards;

    public AttractScreen(UiContext ctx) {
        this.ctx = ctx;
        this.model = new AttractViewModel(service -> ctx.navigator().show(
                service == KioskService.CERTIFICATE_CHECK && noIdentityNeededToCheck(ctx)
                        ? ctx.screens().certificateCheck() : ctx.screens().identify(service)));
    }

    /** services.yaml {@code assurance.certificateCheck}: {@code none} (the default) lets anyone check at once. */
    private static boolean noIdentityNeededToCheck(UiContext ctx) {
        return ctx.runtimeIfAny().map(r -> r.services().access().required(
                org.openkiosk.app.service.identity.ProtectedService.CERTIFICATE_CHECK)
                == org.openkiosk.app.service.identity.AssuranceLevel.NONE).orElse(true);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean idleTimed() {
        return false;
    }

    /** A card placed here identifies the citizen at once; the service is chosen after. */
    @Override
    public void onShow() {
        cards = org.openkiosk.app.ui.flow.DeviceInputs.onCard(ctx.runtimeIfAny(), card -> {
            ctx.activity();
            var identify = (org.openkiosk.app.ui.screens.identify.IdentifyScreen) ctx.screens().identify(null);
            ctx.navigator().show(identify);
            identify.acceptCard(card);
        });
    }

    @Override
    public void onHide() {
        if (cards != null) {
            try {
                cards.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            cards = null;
        }
    }

    @Override
    public Parent view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    private VBox build() {
        Messages messages = ctx.messages();
        Label prompt = new Label();
        prompt.setId("attract-prompt");
        prompt.getStyleClass().add("screen-title");
        prompt.setWrapText(true);
        prompt.textProperty().bind(messages.text("attract.prompt"));

        Label sub = new Label();
        sub.getStyleClass().add("body-text");
        sub.setWrapText(true);
        sub.textProperty().bind(messages.text("attract.subprompt"));
        onlyOnTallScreens(sub); // 1366×768: the room goes to the five tiles

        GridPane grid = new GridPane();
        grid.getStyleClass().add("service-grid");
        grid.setAlignment(Pos.CENTER);
        for (int c = 0; c < 2; c++) { // equal cells whatever the text lengths
            javafx.scene.layout.ColumnConstraints column = new javafx.scene.layout.ColumnConstraints();
            column.setPercentWidth(50);
            grid.getColumnConstraints().add(column);
            javafx.scene.layout.RowConstraints row = new javafx.scene.layout.RowConstraints();
            row.setPercentHeight(50);
            grid.getRowConstraints().add(row);
        }
        int i = 0;
        Button strip = null;
        for (KioskService service : model.services()) {
            if (service == KioskService.CERTIFICATE_CHECK) { // for anyone, not a citizen's own matter: a strip below
                strip = stripButton(messages, service);
                continue;
            }
            Button button = serviceButton(messages, service);
            grid.add(button, i % 2, i / 2);
            GridPane.setHgrow(button, Priority.ALWAYS);
            i++;
        }
        VBox box = new VBox(prompt, sub, grid);
        if (strip != null) {
            box.getChildren().add(strip);
        }
        box.getChildren().add(org.openkiosk.app.ui.flow.DemoPanel.of(ctx));
        box.getStyleClass().addAll("screen", "attract-screen");
        box.setAlignment(Pos.TOP_CENTER);
        VBox.setVgrow(grid, Priority.ALWAYS);
        return box;
    }

    static org.openkiosk.app.ui.widgets.Icon icon(KioskService service) {
        return switch (service) {
            case QUERIES -> org.openkiosk.app.ui.widgets.Icon.SEARCH;
            case CERTIFICATE_PRINTING -> org.openkiosk.app.ui.widgets.Icon.DOCUMENT;
            case APPOINTMENTS -> org.openkiosk.app.ui.widgets.Icon.CALENDAR;
            case CHECK_IN -> org.openkiosk.app.ui.widgets.Icon.TICKET;
            case CERTIFICATE_CHECK -> org.openkiosk.app.ui.widgets.Icon.SHIELD_CHECK;
        };
    }

    /** Shown and laid out only on a screen at least {@link org.openkiosk.app.ui.theme.CompactLayout#BELOW} high. */
    private static void onlyOnTallScreens(javafx.scene.Node node) {
        node.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                var tall = scene.heightProperty().greaterThanOrEqualTo(org.openkiosk.app.ui.theme.CompactLayout.BELOW);
                node.visibleProperty().bind(tall);
                node.managedProperty().bind(tall);
            }
        });
    }

    /** A full-width, lower tile: icon, title and hint in one row. */
    private Button stripButton(Messages messages, KioskService service) {
        Label title = new Label();
        title.getStyleClass().add("service-title");
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.textProperty().bind(messages.text(AttractViewModel.titleKey(service)));
        Label hint = new Label();
        hint.getStyleClass().add("service-hint");
        hint.setWrapText(true);
        hint.textProperty().bind(messages.text(AttractViewModel.hintKey(service)));
        javafx.scene.layout.HBox graphic = new javafx.scene.layout.HBox(24, icon(service).node(56), title, hint);
        graphic.setAlignment(Pos.CENTER_LEFT);
        graphic.setMouseTransparent(true);
        Button button = new Button();
        button.setGraphic(graphic);
        button.setId("service-" + service.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        button.getStyleClass().addAll("service-button", "service-strip");
        button.setMaxWidth(Double.MAX_VALUE);
        graphic.setMinWidth(0);
        graphic.prefWidthProperty().bind(button.widthProperty().subtract(48));
        hint.setMinWidth(0);
        javafx.scene.layout.HBox.setHgrow(hint, Priority.ALWAYS);
        onlyOnTallScreens(hint);
        button.setOnAction(e -> model.choose(service));
        return button;
    }

    private Button serviceButton(Messages messages, KioskService service) {
        Label title = new Label();
        title.getStyleClass().add("service-title");
        title.textProperty().bind(messages.text(AttractViewModel.titleKey(service)));
        Label hint = new Label();
        hint.getStyleClass().add("service-hint");
        hint.setWrapText(true);
        hint.textProperty().bind(messages.text(AttractViewModel.hintKey(service)));
        // icon beside the words, not above them: four tiles of icon, title and a two-line hint then still fit a
        // 1366×768 panel in elder mode and English
        VBox words = new VBox(8, title, hint);
        words.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.HBox graphic = new javafx.scene.layout.HBox(24, icon(service).node(72), words);
        graphic.setAlignment(Pos.CENTER_LEFT);
        graphic.setMouseTransparent(true);
        Button button = new Button();
        button.setGraphic(graphic);
        button.setId("service-" + service.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        button.getStyleClass().add("service-button");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setMaxHeight(Double.MAX_VALUE);
        // the hint wraps inside the tile instead of being cut when the tile is narrow (1366 px, English, elder)
        graphic.setMinWidth(0);
        graphic.prefWidthProperty().bind(button.widthProperty().subtract(48));
        words.setMinWidth(0);
        hint.prefWidthProperty().bind(graphic.prefWidthProperty().subtract(72 + 24));
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setOnAction(e -> model.choose(service));
        return button;
    }
}
