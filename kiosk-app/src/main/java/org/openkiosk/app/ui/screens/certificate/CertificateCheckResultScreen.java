package org.openkiosk.app.ui.screens.certificate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.openkiosk.app.certificate.CertificatePayload;
import org.openkiosk.app.certificate.Verdict;
import org.openkiosk.app.certificate.VerificationResult;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;
import org.openkiosk.app.ui.voice.VoicePrompt;
import org.openkiosk.app.ui.widgets.Icon;

/**
 * The certificate check's answer: valid, not genuine (with the reason in plain words), signed with a revoked key,
 * or signed with the published demo key outside a demonstration; for a valid code the fields it carries (holder
 * masked, type, number, dates, issuer, key) in large type to compare with the paper, for a revoked or demo key that
 * key only, for an invalid one nothing (unsigned words prove nothing). Spoken: the outcome only, no data.
 */
public final class CertificateCheckResultScreen extends FlowScreen {

    public static final String ID = "certificate-check-result";

    /** What the citizen is told: four outcomes, the reason beneath for the invalid ones. */
    public enum Outcome { VALID, INVALID, REVOKED, DEMO_KEY }

    private final VerificationResult result;

    public CertificateCheckResultScreen(UiContext ctx, VerificationResult result) {
        super(ctx);
        this.result = result;
    }

    @Override
    public String id() {
        return ID;
    }

    public VerificationResult result() {
        return result;
    }

    public static Outcome outcomeOf(Verdict verdict) {
        return switch (verdict) {
            case VALID -> Outcome.VALID;
            case REVOKED_KEY -> Outcome.REVOKED;
            case DEMO_KEY -> Outcome.DEMO_KEY;
            default -> Outcome.INVALID;
        };
    }

    public Outcome outcome() {
        return outcomeOf(result.verdict());
    }

    @Override
    public Optional<VoicePrompt> voicePrompt() {
        return Optional.of(VoicePrompt.of("voice.certcheck." + outcome().name().toLowerCase(Locale.ROOT)));
    }

    @Override
    protected String titleKey() {
        return "certcheck.result.title";
    }

    @Override
    protected Node content() {
        boolean valid = outcome() == Outcome.VALID;
        Label verdict = text("certcheck.outcome." + outcome().name().toLowerCase(Locale.ROOT), "check-verdict");
        verdict.setId("check-verdict");
        HBox banner = new HBox(24, (valid ? Icon.SHIELD_CHECK : Icon.CROSS_CIRCLE).node(64), verdict);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setId("check-banner");
        banner.getStyleClass().addAll("check-banner", valid ? "check-banner-valid" : "check-banner-invalid");
        Label reason = text("certcheck.reason." + result.verdict().name().toLowerCase(Locale.ROOT), "body-text");
        reason.setId("check-reason");
        VBox box = new VBox(20, banner, reason);
        if (valid && result.signedWithDemoKey()) {
            Label demo = text("certcheck.demo_warning", "error-text");
            demo.setId("check-demo-warning");
            box.getChildren().add(demo);
        }
        // the fields only where the signature holds; otherwise they are a forger's words: only the key is named
        result.payload().ifPresent(p -> box.getChildren().add(valid ? fields(p) : keyOnly(p)));
        // on a small screen in elder mode the fields scroll by touch; the buttons below stay on screen
        javafx.scene.control.ScrollPane scroll = new org.openkiosk.app.ui.widgets.KioskScrollPane(box);
        scroll.setId("check-scroll");
        scroll.setFitToWidth(true);
        scroll.setPannable(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("preview-reader");
        scroll.setMinHeight(0);
        return scroll;
    }

    /** The signed fields, two pairs a row: what the code carries and nothing more (the holder is masked). */
    private Node fields(CertificatePayload p) {
        GridPane grid = new GridPane();
        grid.setId("check-fields");
        grid.setHgap(28);
        grid.setVgap(12);
        String typeKey = "certificate.type." + p.type();
        Label type = m.keys(m.language()).contains(typeKey) ? text(typeKey, "preview-field-value")
                : data(p.type(), "preview-field-value");
        Label validity = p.isLegacy() ? text("certcheck.field.not_in_code", "preview-field-value")
                : p.validUntil().map(d -> data(d.toString(), "preview-field-value"))
                .orElseGet(() -> text("certcheck.field.no_expiry", "preview-field-value"));
        Label issuer = p.issuerName().map(i -> data(i, "preview-field-value"))
                .orElseGet(() -> text("certcheck.field.not_in_code", "preview-field-value"));
        Label key = data(p.keyId(), "preview-field-value");
        List<Node[]> rows = List.of(
                new Node[] {name("number"), value("check-number", data(p.number(), "preview-field-value")),
                        name("issued"), value("check-issued", data(p.issueDate().toString(), "preview-field-value"))},
                new Node[] {name("type"), value("check-type", type), name("valid"), value("check-valid", validity)},
                new Node[] {name("holder"), value("check-holder", data(p.maskedName(), "preview-field-value")),
                        name("key"), value("check-key", key)},
                new Node[] {name("issuer"), value("check-issuer", issuer)});
        for (int r = 0; r < rows.size(); r++) {
            Node[] row = rows.get(r);
            for (int c = 0; c < row.length; c++) {
                grid.add(row[c], c, r, r == rows.size() - 1 && c == 1 ? 3 : 1, 1);
            }
        }
        return grid;
    }

    private Node keyOnly(CertificatePayload p) {
        HBox row = new HBox(28, name("key"), value("check-key", data(p.keyId(), "preview-field-value")));
        row.setAlignment(Pos.BASELINE_LEFT);
        return outcome() == Outcome.INVALID ? new VBox() : row;
    }

    private Label name(String field) {
        Label l = text("certcheck.field." + field, "preview-field-name");
        l.setWrapText(false);
        return l;
    }

    private static Label value(String id, Label label) {
        label.setId(id);
        return label;
    }

    @Override
    protected List<Node> actions() {
        return List.of(button("check-another", "certcheck.again", "primary-button",
                () -> ctx.navigator().show(ctx.screens().certificateCheck())));
    }
}
