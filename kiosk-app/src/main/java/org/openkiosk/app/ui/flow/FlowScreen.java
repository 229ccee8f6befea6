package org.openkiosk.app.ui.flow;

import org.openkiosk.app.ui.widgets.FlowStep;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.openkiosk.app.service.CitizenServices;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.session.CitizenSession;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.i18n.UiText;
import org.openkiosk.app.ui.i18n.Messages;
import org.openkiosk.app.ui.nav.Screen;
import org.openkiosk.app.ui.work.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The common frame of a flow screen: title, the screen's content, a progress line while the store or a device
 * works, an error line that says what to do next, and a bottom bar (home, plus the screen's own actions).
 * Every button made with {@link #button} is disabled while this screen's background work runs; jobs are
 * cancelled and device inputs closed when the screen hides.
 */
public abstract class FlowScreen implements Screen {

    private static final Logger LOG = LoggerFactory.getLogger(FlowScreen.class);

    /** A message key with its arguments. */
    public record Message(String key, Object... args) {}

    protected final UiContext ctx;
    protected final Messages m;
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ObjectProperty<Message> error = new SimpleObjectProperty<>(this, "error");
    private final List<BackgroundWork.Job> jobs = new ArrayList<>();
    private final List<AutoCloseable> inputs = new ArrayList<>();
    private int running;
    private VBox view;

    protected FlowScreen(UiContext ctx) {
        this.ctx = ctx;
        this.m = ctx.messages();
    }

    /** Bundle key of the screen title. */
    protected abstract String titleKey();

    /** The screen's own content, built once. */
    protected abstract Node content();

    /** Buttons for the right of the bottom bar (the primary action last). */
    protected List<Node> actions() {
        return List.of();
    }

    /** Whether the bottom bar offers "Home" (ends the session). */
    protected boolean offersHome() {
        return true;
    }

    /** Spoken on arrival: {@code voice.screen.<id>}; outcome screens say their outcome instead. */
    @Override
    public java.util.Optional<org.openkiosk.app.ui.voice.VoicePrompt> voicePrompt() {
        return java.util.Optional.of(org.openkiosk.app.ui.voice.VoicePrompt.ofScreen(id()));
    }

    /** This screen's place in a multi-step flow, shown as a step indicator above the title; none by default. */
    protected java.util.Optional<FlowStep> step() {
        return java.util.Optional.empty();
    }

    /** Called when shown: start background loads, arm devices. */
    protected void shown() {
    }

    @Override
    public final Parent view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    @Override
    public final void onShow() {
        shown();
    }

    @Override
    public void onHide() {
        jobs.forEach(BackgroundWork.Job::cancel);
        jobs.clear();
        for (AutoCloseable input : inputs) {
            try {
                input.close();
            } catch (Exception e) {
                LOG.warn("closing a device input of screen {} failed", id(), e);
            }
        }
        inputs.clear();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<Message> errorProperty() {
        return error;
    }

    /** Keeps a device input (card listener, armed scanner) open while the screen is shown. */
    protected void whileShown(AutoCloseable input) {
        inputs.add(input);
    }

    protected CitizenServices services() {
        return ctx.runtime().services();
    }

    protected CitizenSession session() {
        return ctx.sessions().current().orElseThrow(() -> new IllegalStateException("no citizen session"));
    }

    protected Identity identity() {
        return SessionIdentity.of(session());
    }

    /** Remembers that a receipt, ticket or slip was printed for this citizen (the leaving screen says "take it"). */
    protected void receiptPrinted() {
        ctx.sessions().current().ifPresent(s -> s.choose(SessionKeys.RECEIPT_PRINTED, "true"));
    }

    protected void showError(String key, Object... args) {
        error.set(new Message(key, args));
    }

    protected void clearError() {
        error.set(null);
    }

    /** Runs {@code task} off the JavaFX thread; a failure shows its message (see {@link ErrorMessages}). */
    protected <T> void work(Callable<T> task, Consumer<? super T> onSuccess) {
        work(task, onSuccess, failure -> showError(ErrorMessages.keyOf(failure)));
    }

    protected <T> void work(Callable<T> task, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        clearError();
        running++;
        busy.set(true);
        jobs.add(ctx.work().run(task, result -> {
            finished();
            onSuccess.accept(result);
        }, failure -> {
            finished();
            onFailure.accept(failure);
        }));
    }

    private void finished() {
        running--;
        busy.set(running > 0);
    }

    // ------------------------------------------------------------------ building blocks

    protected Button button(String id, String key, String style, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add(style);
        b.textProperty().bind(m.text(key));
        b.setWrapText(true);
        b.disableProperty().bind(busy);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A button whose text is data (a certificate title, a time slot), not a bundle message. */
    protected Button dataButton(String id, String text, String style, Runnable action) {
        Button b = UiText.data(new Button(text));
        b.setId(id);
        b.getStyleClass().add(style);
        b.setWrapText(true);
        b.disableProperty().bind(busy);
        b.setOnAction(e -> action.run());
        return b;
    }

    protected Label text(String key, String style, Object... args) {
        Label l = new Label();
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE); // wrapped words keep their lines; pictures and lists give way
        l.textProperty().bind(m.text(key, args));
        return l;
    }

    protected static Label data(String value, String style) {
        Label l = UiText.data(new Label(value));
        l.getStyleClass().add(style);
        l.setWrapText(true);
        return l;
    }

    /** Chinese or English data from the store, following the language toggle. */
    protected Label bilingual(String zh, String en, String style) {
        Label l = UiText.data(new Label());
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.textProperty().bind(Bindings.createStringBinding(
                () -> m.language() == org.openkiosk.app.ui.i18n.Language.EN ? en : zh, m.languageProperty()));
        return l;
    }

    /** A large choice button whose face is the given lines (texts or data labels). */
    protected Button choice(String id, Runnable action, Node... lines) {
        return choice(id, null, action, lines);
    }

    /** A large choice tile: an icon on the left (none if null), the given lines beside it. */
    protected Button choice(String id, org.openkiosk.app.ui.widgets.Icon icon, Runnable action, Node... lines) {
        VBox text = new VBox(6, lines);
        text.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox face = new HBox(20, text);
        if (icon != null) {
            face.getChildren().add(0, icon.node(56));
        }
        face.setAlignment(Pos.CENTER_LEFT);
        face.setMouseTransparent(true);
        Button b = new Button();
        b.setId(id);
        b.setGraphic(face);
        b.getStyleClass().add("choice-button");
        b.setMaxWidth(Double.MAX_VALUE);
        b.disableProperty().bind(busy);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A paged list of uniform choice tiles: ≤ 4 per page in elder mode, ≤ 6 otherwise, with previous/next. */
    protected <T> Node pagedChoices(String id, List<T> items, Function<T, Node> toNode) {
        return new PagedChoices<>(this, id, items, toNode, PagedChoices.Shape.TILES).node();
    }

    /** A paged calendar strip: one row of ≤ 7 tiles (≤ 5 in elder mode), with previous/next. */
    protected <T> Node pagedStrip(String id, List<T> items, Function<T, Node> toNode) {
        return new PagedChoices<>(this, id, items, toNode, PagedChoices.Shape.STRIP).node();
    }

    UiContext context() {
        return ctx;
    }

    private VBox build() {
        Label title = text(titleKey(), "screen-title");
        title.setId(id() + "-title");
        Node content = content();
        VBox.setVgrow(content, Priority.ALWAYS);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("progress");
        progress.setPrefSize(48, 48);
        Label wait = text("flow.working", "body-text");
        HBox working = new HBox(16, progress, wait);
        working.setAlignment(Pos.CENTER_LEFT);
        working.visibleProperty().bind(busy);
        working.managedProperty().bind(busy);

        Label errorLine = new Label();
        errorLine.setId("flow-error");
        errorLine.getStyleClass().add("error-text");
        errorLine.setWrapText(true);
        // all of it, however long: the content above gives way (a cut "…" would hide what to do next)
        errorLine.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        errorLine.textProperty().bind(Bindings.createStringBinding(
                () -> error.get() == null ? "" : m.get(error.get().key(), error.get().args()),
                error, m.languageProperty()));
        errorLine.visibleProperty().bind(error.isNotNull());
        errorLine.managedProperty().bind(error.isNotNull());

        HBox bar = new HBox(16);
        bar.getStyleClass().add("flow-bar");
        bar.setAlignment(Pos.CENTER_RIGHT);
        if (offersHome()) {
            bar.getChildren().add(button("go-home", "action.home", "secondary-button", ctx::endSession));
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar.getChildren().add(spacer);
        bar.getChildren().addAll(actions());

        VBox box = new VBox(20, title, content, working, errorLine, bar);
        step().ifPresent(s -> box.getChildren().add(0, new org.openkiosk.app.ui.widgets.StepIndicator(m, s)));
        box.getStyleClass().addAll("screen", "flow-screen", id() + "-screen");
        return box;
    }
}
