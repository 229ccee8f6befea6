package org.openkiosk.app.ui.screens.finish;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.openkiosk.app.ui.widgets.Icon;
import org.openkiosk.app.ui.widgets.RatingFace;
import org.openkiosk.app.ui.widgets.TileGrid;
import org.openkiosk.app.service.rating.SatisfactionLevel;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;
import org.openkiosk.app.ui.flow.SessionKeys;

/**
 * "How was it?" after every completed service: five levels; the bottom two offer a few reasons to pick
 * (optional). The rating is stored without personal data; then the Leaving screen.
 */
public final class RatingScreen extends FlowScreen {

    public static final String ID = "rating";
    /** Reasons offered for the bottom two levels; stored as their Chinese text. */
    static final List<String> REASONS = List.of("slow", "complicated", "device", "other");
    private static final java.util.Map<String, Icon> REASON_ICONS = java.util.Map.of(
            "slow", Icon.HOURGLASS, "complicated", Icon.MAZE, "device", Icon.WRENCH, "other", Icon.DOTS);

    private final VBox body = new VBox(14);

    public RatingScreen(UiContext ctx) {
        super(ctx);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected String titleKey() {
        return "rating.title";
    }

    @Override
    protected Node content() {
        showLevels();
        return body;
    }

    private void showLevels() {
        // all five levels in one row of equal faces, also in elder mode: paging would hide the lowest ones
        TileGrid levels = new TileGrid(SatisfactionLevel.values().length, 16);
        levels.setId("levels");
        for (SatisfactionLevel level : SatisfactionLevel.values()) {
            Button face = choice("rate-" + level.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    () -> chosen(level), RatingFace.of(level.ordinal(), 120), text(levelKey(level), "rating-level"));
            face.getStyleClass().add("rating-button");
            HBox graphic = (HBox) face.getGraphic();
            graphic.setAlignment(Pos.CENTER);
            ((VBox) graphic.getChildren().get(0)).setAlignment(Pos.CENTER);
            levels.getChildren().add(face);
        }
        body.getChildren().setAll(levels);
    }

    static String levelKey(SatisfactionLevel level) {
        return "rating.level." + level.name().toLowerCase(Locale.ROOT);
    }

    private void chosen(SatisfactionLevel level) {
        if (!level.takesReason()) {
            submit(level, Optional.empty());
            return;
        }
        VBox reasons = new VBox(12, text("rating.reason.ask", "body-text"));
        reasons.getChildren().add(pagedChoices("reasons", REASONS, reason -> choice("reason-" + reason, REASON_ICONS.get(reason),
                () -> submit(level, Optional.of(m.format(org.openkiosk.app.ui.i18n.Language.ZH,
                        "rating.reason." + reason))),
                text("rating.reason." + reason, "choice-title"))));
        reasons.getChildren().add(button("reason-skip", "rating.reason.skip", "secondary-button",
                () -> submit(level, Optional.empty())));
        body.getChildren().setAll(reasons);
    }

    private void submit(SatisfactionLevel level, Optional<String> reason) {
        String service = ctx.sessions().current().flatMap(s -> s.choice(SessionKeys.RATED_SERVICE))
                .or(() -> ctx.sessions().current().flatMap(s -> s.choice("service")))
                .orElse("kiosk");
        work(() -> {
            services().ratings().rate(service, level, reason);
            return null;
        }, done -> ctx.navigator().show(ctx.screens().leaving()));
    }

    @Override
    protected boolean offersHome() {
        return false;
    }

    @Override
    protected List<Node> actions() {
        return List.of(button("rating-skip", "rating.skip", "secondary-button",
                () -> ctx.navigator().show(ctx.screens().leaving())));
    }
}
