package org.openkiosk.app.ui.screens.certificate;

import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
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
    protected String titleKey() {
        return "certificate.preview.title";
    }

    @Override
    protected Node content() {
        page.setId("certificate-page");
        page.setPreserveRatio(true);
        page.setFitHeight(560);
        StackPane frame = new StackPane(page);
        frame.getStyleClass().add("preview-frame");
        VBox side = new VBox(20, bilingual(certificate.titleZh(), certificate.titleEn(), "screen-subtitle"),
                text("certificate.preview.hint", "body-text"));
        HBox box = new HBox(40, frame, side);
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    @Override
    protected List<Node> actions() {
        return List.of(
                button("back", "action.back", "secondary-button",
                        () -> ctx.navigator().show(ctx.screens().certificateList())),
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
