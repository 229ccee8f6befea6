package org.openkiosk.app.ui.screens.certificate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.openkiosk.app.certificate.CertificateVerifier;
import org.openkiosk.app.certificate.VerificationResult;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.DeviceInputs;
import org.openkiosk.app.ui.flow.FlowScreen;
import org.openkiosk.app.ui.widgets.Illustrations;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.docscan.DocumentScannerDevice;
import org.openkiosk.device.docscan.ScannedPage;

/**
 * 证明核验 / Check a certificate: anyone, without identifying, holds the certificate's QR code under the scanner
 * (the armed scanner) or puts the page on the document scanner and touches "Scan the page". The code is checked
 * by the verifier {@code ./kiosk certificate verify} uses; the result screen shows the verdict and the signed fields.
 * Nothing is stored: the scanned page is wiped as soon as it is checked.
 */
public final class CertificateCheckScreen extends FlowScreen {

    public static final String ID = "certificate-check";

    public CertificateCheckScreen(UiContext ctx) {
        super(ctx);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected String titleKey() {
        return "certcheck.title";
    }

    @Override
    protected Node content() {
        VBox words = new VBox(20, text("certcheck.scan", "body-text"));
        if (documentScanner().isPresent()) {
            words.getChildren().add(text("certcheck.glass", "body-text"));
        }
        words.getChildren().add(text("certcheck.private", "body-text"));
        return Illustrations.beside(words, Illustrations.scanner());
    }

    @Override
    protected List<Node> actions() {
        List<Node> actions = new ArrayList<>();
        if (documentScanner().isPresent()) {
            actions.add(button("scan-page", "certcheck.scan_page", "primary-button", this::scanPage));
        }
        return actions;
    }

    @Override
    protected void shown() {
        if (verifier().isEmpty()) {
            showError("certcheck.unavailable");
            return;
        }
        arm();
    }

    private void arm() {
        whileShown(DeviceInputs.armScanner(ctx.runtimeIfAny(), this::scanned));
    }

    private Optional<CertificateVerifier> verifier() {
        return ctx.runtimeIfAny().flatMap(r -> r.certificateVerifier());
    }

    private Optional<DocumentScannerDevice> documentScanner() {
        return ctx.runtimeIfAny().flatMap(r -> r.documentScanner());
    }

    /** A code held under the scanner (JavaFX thread): the payload is checked as {@code verify --qr} checks it. */
    public void scanned(String payload) {
        ctx.activity();
        Optional<CertificateVerifier> verifier = verifier();
        if (verifier.isEmpty()) {
            return;
        }
        work(() -> verifier.get().verifyPayload(payload), this::result, failure -> {
            showError("error.unexpected");
            arm();
        });
    }

    /** The page on the document scanner: scanned, its code found and checked as {@code verify IMAGE} does. */
    public void scanPage() {
        ctx.activity();
        Optional<CertificateVerifier> verifier = verifier();
        Optional<DocumentScannerDevice> scanner = documentScanner();
        if (verifier.isEmpty() || scanner.isEmpty()) {
            showError("certcheck.unavailable");
            return;
        }
        work(() -> {
            try (ScannedPage page = scanner.get().scan()) {
                return verifier.get().verifyImage(page.image());
            }
        }, this::result, failure -> showError(noPage(failure) ? "certcheck.no_page" : "certcheck.scanner_trouble"));
    }

    /** Nothing on the glass (the device says "load paper"), as opposed to a scanner fault. */
    private static boolean noPage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DeviceException e) {
                return e.action() == RecommendedAction.LOAD_PAPER;
            }
        }
        return false;
    }

    private void result(VerificationResult result) {
        ctx.navigator().show(ctx.screens().certificateCheckResult(result));
    }
}
