package org.openkiosk.app.ui.screens.certificate;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.openkiosk.app.service.certificate.PrintableCertificate;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;

/** "Choose a certificate": what this person may print here, with the prints remaining. */
public final class CertificateListScreen extends FlowScreen {

    public static final String ID = "certificate-list";

    private final VBox list = new VBox(12);

    public CertificateListScreen(UiContext ctx) {
        super(ctx);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected java.util.Optional<org.openkiosk.app.ui.widgets.FlowStep> step() {
        return java.util.Optional.of(org.openkiosk.app.ui.widgets.FlowStep.certificate(0));
    }

    @Override
    protected String titleKey() {
        return "certificate.list.title";
    }

    @Override
    protected Node content() {
        return list;
    }

    @Override
    protected void shown() {
        Identity who = identity();
        work(() -> services().queries().certificates(who), this::show);
    }

    private void show(List<PrintableCertificate> certificates) {
        if (certificates.isEmpty()) {
            list.getChildren().setAll(text("certificate.list.none", "body-text"));
            return;
        }
        list.getChildren().setAll(pagedChoices("certificates", certificates, c -> {
            String type = c.entitlement().certificateType();
            Node remaining = c.canPrint() ? text("certificate.list.remaining", "choice-hint", c.remaining())
                    : text("certificate.list.used_up", "choice-hint");
            var button = choice("certificate-" + type, org.openkiosk.app.ui.widgets.Icon.DOCUMENT,
                    () -> ctx.navigator().show(ctx.screens().certificatePreview(c.entitlement())),
                    bilingual(c.entitlement().titleZh(), c.entitlement().titleEn(), "choice-title"), remaining);
            if (!c.canPrint()) {
                button.disableProperty().unbind();
                button.setDisable(true);
            }
            return button;
        }));
    }
}
