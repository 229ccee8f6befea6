package org.openkiosk.app.ui.screens.certificate;

import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.openkiosk.app.ui.widgets.FittedImage;
import org.openkiosk.app.ui.widgets.KioskScrollPane;
import javafx.scene.layout.VBox;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.platform.Entitlement;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;
import org.openkiosk.app.ui.flow.SessionKeys;

/**
 * The rendered page before printing (rendered and rasterised on a worker, shown here), and the print button:
 * printing numbers, renders, prints and records the certificate, then shows the honest outcome.
 */
public final class CertificatePreviewScreen extends FlowScreen {

    public static final String ID = "certificate-preview";

    private final Entitlement certificate;
    private final ImageView page = new ImageView();

    public CertificatePreviewScreen(UiContext ctx, Entitlement certificate) {
        super(ctx);
        this.certificate = certificate;
    }

    @Override
    public String id() {
        return ID;
    }

    public ImageView page() {
        return page;
    }

    @Override
    protected java.util.Optional<org.openkiosk.app.ui.widgets.FlowStep> step() {
        return java.util.Optional.of(org.openkiosk.app.ui.widgets.FlowStep.certificate(1));
    }

    @Override
    protected String titleKey() {
        return "certificate.preview.title";
    }

    /**
     * The whole page as large as the screen allows, with the fields a citizen checks beside it in large type;
     * "enlarge" shows the page across the full width to read its text, scrolled by touch.
     */
    @Override
    protected Node content() {
        page.setId("certificate-page");
        FittedImage fitted = new FittedImage(page);
        fitted.getStyleClass().add("preview-frame");
        VBox side = new VBox(16,
                text("certificate.preview.field.type", "preview-field-name"),
                bilingual(certificate.titleZh(), certificate.titleEn(), "preview-field-value"),
                text("certificate.preview.field.issuer", "preview-field-name"),
                data(certificate.issuerZh(), "preview-field-value"),
                text("certificate.preview.hint", "body-text"));
        side.setId("preview-fields");
        // elder texts on a small screen, with an error line under them: the fields scroll, the buttons stay on it
        ScrollPane fields = new KioskScrollPane(side);
        fields.setFitToWidth(true);
        fields.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        fields.getStyleClass().add("preview-fields-scroll");
        fields.setMinHeight(0);
        HBox.setHgrow(fields, Priority.ALWAYS);
        HBox whole = new HBox(40, fitted, fields);
        whole.setMinHeight(0);
        whole.setAlignment(Pos.TOP_LEFT);

        ImageView enlarged = new ImageView();
        enlarged.setId("certificate-page-enlarged");
        enlarged.setPreserveRatio(true);
        enlarged.imageProperty().bind(page.imageProperty());
        ScrollPane reader = new KioskScrollPane(enlarged);
        reader.setPannable(true);
        reader.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        reader.getStyleClass().add("preview-reader");
        enlarged.fitWidthProperty().bind(reader.widthProperty().subtract(40));
        reader.visibleProperty().bind(enlargedShown);
        whole.visibleProperty().bind(enlargedShown.not());
        return new StackPane(whole, reader);
    }

    private final javafx.beans.property.BooleanProperty enlargedShown =
            new javafx.beans.property.SimpleBooleanProperty(this, "enlarged");

    public javafx.beans.property.BooleanProperty enlargedProperty() {
        return enlargedShown;
    }

    @Override
    protected List<Node> actions() {
        Button enlarge = button("enlarge", "certificate.preview.enlarge", "secondary-button",
                () -> enlargedShown.set(!enlargedShown.get()));
        enlarge.textProperty().unbind();
        enlarge.textProperty().bind(Bindings.when(enlargedShown).then(m.text("certificate.preview.whole"))
                .otherwise(m.text("certificate.preview.enlarge")));
        return List.of(
                button("back", "action.back", "secondary-button",
                        () -> ctx.navigator().show(ctx.screens().certificateList())),
                enlarge,
                button("print", "certificate.print", "primary-button", this::print));
    }

    @Override
    protected void shown() {
        Identity who = identity();
        String type = certificate.certificateType();
        work(() -> PreviewImages.firstPage(services().certificates().preview(who, type)),
                image -> page.setImage(SwingFXUtils.toFXImage(image, null)));
    }

    void print() {
        Identity who = identity();
        String type = certificate.certificateType();
        session().choose(SessionKeys.RATED_SERVICE, type);
        work(() -> services().certificates().issue(who, type),
                result -> ctx.navigator().show(ctx.screens().certificateOutcome(certificate, result)));
    }
}
