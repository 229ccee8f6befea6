package org.openkiosk.app.ui.screens.certificate;

import java.util.Optional;
import org.openkiosk.app.ui.voice.VoicePrompt;

import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.openkiosk.app.service.certificate.IssueResult;
import org.openkiosk.app.service.port.CertificateReceipt;
import org.openkiosk.app.service.platform.Entitlement;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;
import org.openkiosk.app.ui.flow.PrintWords;

/**
 * The honest outcome of a print: printed (take the paper), or not printed with the cause the citizen can act
 * on — out of paper, or another printer fault — and what to do next. A failed print was recorded as failed
 * and does not count against the reprint limit.
 */
public final class CertificateOutcomeScreen extends FlowScreen {

    public static final String ID = "certificate-outcome";

    private final Entitlement certificate;
    private final IssueResult result;

    public CertificateOutcomeScreen(UiContext ctx, Entitlement certificate, IssueResult result) {
        super(ctx);
        this.certificate = certificate;
        this.result = result;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<VoicePrompt> voicePrompt() {
        if (result.outcome().printed()) {
            return Optional.of(VoicePrompt.of("voice.certificate.printed"));
        }
        return Optional.of(VoicePrompt.of(paperOut(result.outcome().failureReason())
                ? "voice.certificate.failed.paper" : "voice.certificate.failed.other"));
    }

    public IssueResult result() {
        return result;
    }

    @Override
    protected java.util.Optional<org.openkiosk.app.ui.widgets.FlowStep> step() {
        return java.util.Optional.of(org.openkiosk.app.ui.widgets.FlowStep.certificate(2));
    }

    @Override
    protected String titleKey() {
        return result.outcome().printed() ? "certificate.printed.title" : "certificate.failed.title";
    }

    @Override
    protected Node content() {
        VBox box = new VBox(20, bilingual(certificate.titleZh(), certificate.titleEn(), "screen-subtitle"));
        if (result.outcome().printed()) {
            var message = text("certificate.printed", "body-text");
            message.setId("outcome-message");
            box.getChildren().addAll(message,
                    text("certificate.number", "body-text", result.certificateNumber()),
                    text("certificate.remaining", "body-text", result.remaining()), receiptLine);
            receiptLine.setId("receipt-message");
            receiptLine.getStyleClass().add("body-text");
            return org.openkiosk.app.ui.widgets.Illustrations.beside(box,
                    org.openkiosk.app.ui.widgets.Illustrations.paperOut(true));
        } else {
            var message = text(paperOut(result.outcome().failureReason())
                    ? "certificate.failed.paper" : "certificate.failed.other", "error-text");
            message.setId("outcome-message");
            box.getChildren().add(message);
        }
        return box;
    }

    /** The A4 port names OUT_OF_PAPER; IPP's own words are "media-empty" / "media-needed". */
    static boolean paperOut(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        return r.contains("out_of_paper") || r.contains("paper") || r.contains("media-empty")
                || r.contains("media-needed");
    }

    /**
     * Prints the optional receipt through the runtime's receipt port, the one certificate receipt layout (its own
     * outcome shown; the certificate is done). Off the JavaFX thread.
     */
    void printReceipt() {
        var port = ctx.runtimeIfAny().map(org.openkiosk.app.runtime.KioskRuntime::receipts);
        if (port.isEmpty()) {
            showError("certificate.receipt.failed");
            return;
        }
        var receipt = new CertificateReceipt(certificate.titleZh(), result.certificateNumber(), result.remaining(),
                ctx.clock().instant(), ctx.config().kiosk().id());
        work(() -> port.get().printCertificateReceipt(receipt), outcome -> {
            if (outcome.printed()) {
                receiptLine.textProperty().bind(m.text(PrintWords.key(outcome, "certificate.receipt.printed",
                        "certificate.receipt.sent", "certificate.receipt.failed")));
                receiptPrinted();
                ctx.voice().say(VoicePrompt.of(PrintWords.key(outcome, "voice.certificate.receipt.printed",
                        "voice.certificate.receipt.sent", "voice.certificate.receipt.failed")));
            } else {
                showError("certificate.receipt.failed");
                ctx.voice().say(VoicePrompt.of("voice.certificate.receipt.failed"));
            }
        }, failure -> {
            showError("certificate.receipt.failed");
            ctx.voice().say(VoicePrompt.of("voice.certificate.receipt.failed"));
        });
    }

    private final javafx.scene.control.Label receiptLine = new javafx.scene.control.Label();

    @Override
    protected List<Node> actions() {
        if (result.outcome().printed()) {
            return List.of(
                    button("print-receipt", "certificate.receipt", "secondary-button", this::printReceipt),
                    button("print-another", "certificate.another", "secondary-button",
                            () -> ctx.navigator().show(ctx.screens().certificateList())),
                    button("done", "action.done", "primary-button",
                            () -> ctx.navigator().show(ctx.screens().rating())));
        }
        return List.of(
                button("retry", "action.retry", "secondary-button",
                        () -> ctx.navigator().show(ctx.screens().certificatePreview(certificate))),
                button("done", "action.done", "primary-button",
                        () -> ctx.navigator().show(ctx.screens().rating())));
    }
}
