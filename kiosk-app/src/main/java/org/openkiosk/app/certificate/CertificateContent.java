package org.openkiosk.app.certificate;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.openkiosk.device.privacy.Masking;

/**
 * The text of a certificate page and its unsigned QR payload, computed from the template and the issued content
 * alone, without laying out the page. Because the canonical text drops whitespace (ADR 0050), this is exactly
 * what the rendered page's digest covers: an issuing authority holding the same template computes the same
 * payload and signs it (authority-signed networks, ADR 0054).
 */
public final class CertificateContent {

    static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    static final String NUMBER_LABEL = "证明编号：";
    static final String VERIFY_HINT = "扫码核验真伪";

    private CertificateContent() {}

    /** The unsigned payload naming {@code keyId}: what the key's owner signs. */
    public static CertificatePayload unsignedPayload(CertificateTemplate template, CertificateRequest request,
                                                     String keyId) {
        return new CertificatePayload(request.number(), template.type(), Masking.name(request.holderName()),
                request.issueDate(), request.validUntil(), template.issuingOffice(),
                CanonicalText.digest(String.join("\n", pageTexts(template, request))), keyId, new byte[0]);
    }

    /** Every text printed on the page in reading order, paragraphs unwrapped. */
    public static List<String> pageTexts(CertificateTemplate template, CertificateRequest request) {
        Map<String, String> values = values(template, request);
        List<String> texts = new ArrayList<>();
        texts.add(NUMBER_LABEL + values.get("number"));
        texts.add(template.title());
        for (String paragraph : template.body()) {
            texts.add(fill(paragraph, values));
        }
        texts.add(template.issuingOffice());
        texts.add(values.get("issueDate"));
        texts.add(VERIFY_HINT);
        texts.add(template.footer());
        return texts;
    }

    /** The placeholder values: the template's fields from the issued content, and the built-in ones. */
    static Map<String, String> values(CertificateTemplate template, CertificateRequest request) {
        Map<String, String> values = new HashMap<>();
        for (String field : template.fields()) {
            String value = request.fields().get(field);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("certificate " + template.type() + " needs the field \"" + field
                        + "\" but the issued content has no value for it (the platform's fields and the template"
                        + " certificates/" + template.type() + ".yaml disagree)");
            }
            values.put(field, value.strip());
        }
        values.put("name", request.holderName());
        values.put("idNumber", request.idNumber().value());
        values.put("issueDate", request.issueDate().format(CHINESE_DATE));
        values.put("number", request.number());
        return values;
    }

    static String fill(String text, Map<String, String> values) {
        Matcher m = CertificateTemplate.PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
