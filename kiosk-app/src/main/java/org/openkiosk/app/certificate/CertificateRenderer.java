package org.openkiosk.app.certificate;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a certificate as a one-page A4 PDF: number, title, body with the holder's data, issuing office and
 * date under the office's seal, a verification QR code with the signed payload, and the footer. Text uses the
 * bundled Noto Sans SC, embedded as a subset.
 *
 * <p>Thread-safe (documents are built one at a time because the parsed font is shared). Blocking CPU work of
 * 15–30 ms: never on the UI thread.
 */
public final class CertificateRenderer {

    private static final Logger log = LoggerFactory.getLogger(CertificateRenderer.class);

    static final float MARGIN = 72f;
    static final float QR_SIZE = 108f;
    static final float QR_Y = 100f;
    static final float LOWEST_BODY_Y = QR_Y + QR_SIZE + 40f;

    private final CertificateTemplates templates;
    private final PayloadSigning signer;
    private final boolean demoMode;
    private final TrueTypeFont regular;
    private final TrueTypeFont bold;

    /**
     * @param demoMode whether the kiosk runs in demo mode; outside it, signing with the demo key logs a WARN and
     *                 flags the result
     */
    public CertificateRenderer(CertificateTemplates templates, PayloadSigning signer, boolean demoMode) {
        this(templates, signer, demoMode, CertificateFonts.regular(), CertificateFonts.bold());
    }

    /** With explicit fonts (benchmarks compare fonts parsed fresh). */
    public CertificateRenderer(CertificateTemplates templates, PayloadSigning signer, boolean demoMode,
                               TrueTypeFont regular, TrueTypeFont bold) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.demoMode = demoMode;
        this.regular = regular;
        this.bold = bold;
    }

    public RenderedCertificate render(CertificateRequest request) throws IOException {
        return render(request, true);
    }

    /**
     * @param subsetFonts false embeds the whole font (about 8 MB per document): only for the benchmark baseline
     */
    public RenderedCertificate render(CertificateRequest request, boolean subsetFonts) throws IOException {
        CertificateTemplate template = templates.get(request.type());
        Map<String, String> values = CertificateContent.values(template, request);
        String keyId = signer.keyIdFor(request);
        boolean demoWarning = CertificateKeys.isDemoKeyId(keyId) && !demoMode;
        if (demoWarning) {
            log.warn("!!! certificate {} is signed with the DEMO key {} whose private half is published: it proves "
                    + "nothing. Configure a production key (./kiosk certificate keygen) before issuing certificates !!!",
                    request.number(), keyId);
        }
        // signed (or the authority's signature checked) before anything is drawn: a refused signature prints nothing
        CertificatePayload payload = signer.sign(CertificateContent.unsignedPayload(template, request, keyId), request);
        synchronized (CertificateFonts.LOCK) {
            try (PDDocument document = new PDDocument()) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                PDType0Font textFont = PDType0Font.load(document, regular, subsetFonts);
                PDType0Font titleFont = PDType0Font.load(document, bold, subsetFonts);
                PageLayout layout = layout(template, values, textFont, titleFont, page.getMediaBox());

                List<String> lineTexts = layout.lines().stream().map(TextLine::text).toList();
                BitMatrix qr = QrCodes.encode(payload.encode());

                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (TextLine line : layout.lines()) {
                        content.beginText();
                        content.setFont(line.font(), line.size());
                        content.newLineAtOffset(line.x(), line.y());
                        content.showText(line.text());
                        content.endText();
                    }
                    new SealPainter(new GlyphOutlines(bold)).paint(document, content, template.seal(),
                            layout.sealX(), layout.sealY(), 62f);
                    QrCodes.draw(content, qr, MARGIN, QR_Y, QR_SIZE);
                }
                PDDocumentInformation info = document.getDocumentInformation();
                info.setTitle(template.title() + " " + request.number()); // no citizen data in metadata
                info.setProducer("OpenKiosk");
                ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
                document.save(out);
                log.info("rendered {} ({} bytes)", request, out.size());
                return new RenderedCertificate(out.toByteArray(), payload, lineTexts, demoWarning);
            }
        }
    }

    /** A line of text as placed on the page. */
    record TextLine(String text, PDType0Font font, float size, float x, float y) {}

    record PageLayout(List<TextLine> lines, float sealX, float sealY) {}

    private static PageLayout layout(CertificateTemplate template, Map<String, String> values, PDType0Font font,
                                     PDType0Font titleFont, PDRectangle box) throws IOException {
        float width = box.getWidth();
        float right = width - MARGIN;
        float textWidth = right - MARGIN;
        List<TextLine> lines = new ArrayList<>();

        String numberLine = CertificateContent.NUMBER_LABEL + values.get("number");
        lines.add(new TextLine(numberLine, font, 10.5f, right - width(font, 10.5f, numberLine), 790f));

        float titleSize = 26f;
        lines.add(new TextLine(template.title(), titleFont, titleSize, (width - width(titleFont, titleSize, template.title())) / 2, 720f));

        float bodySize = 14f;
        float leading = 28f;
        float y = 650f;
        for (String paragraph : template.body()) {
            boolean first = true;
            for (String line : LineBreaker.wrap(CertificateContent.fill(paragraph, values), font, bodySize, textWidth, 2 * bodySize)) {
                float indent = first ? 2 * bodySize : 0;
                lines.add(new TextLine(line, font, bodySize, MARGIN + indent, y));
                y -= leading;
                first = false;
            }
        }
        y -= 2 * leading;
        float officeRight = right - 24f;
        String office = template.issuingOffice();
        String date = values.get("issueDate");
        float officeX = officeRight - width(font, bodySize, office);
        lines.add(new TextLine(office, font, bodySize, officeX, y));
        float dateY = y - leading;
        lines.add(new TextLine(date, font, bodySize, officeRight - width(font, bodySize, date), dateY));
        if (dateY < LOWEST_BODY_Y) {
            throw new IllegalArgumentException("certificate " + template.type() + ": the text does not fit on one A4 page");
        }
        float sealX = officeRight - width(font, bodySize, office) / 2;
        float sealY = (y + dateY) / 2 + bodySize / 3;

        lines.add(new TextLine(CertificateContent.VERIFY_HINT, font, 9f,
                MARGIN + (QR_SIZE - width(font, 9f, CertificateContent.VERIFY_HINT)) / 2, QR_Y - 14f));
        float footerY = 62f;
        for (String line : LineBreaker.wrap(template.footer(), font, 9f, textWidth, 0)) {
            lines.add(new TextLine(line, font, 9f, MARGIN, footerY));
            footerY -= 13f;
        }
        return new PageLayout(lines, sealX, sealY);
    }

    static float width(PDType0Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }
}
