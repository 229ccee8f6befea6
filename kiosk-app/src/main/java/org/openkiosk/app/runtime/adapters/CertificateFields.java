package org.openkiosk.app.runtime.adapters;

import java.util.Map;
import org.openkiosk.app.service.port.CertificateRequest;

/**
 * The values of a certificate template's extra placeholders ({@code address}, {@code since} …) that the
 * service's request does not carry. The service platform does not supply them yet: outside demo mode there are
 * none, so a template that needs one fails at render time naming the field and the print is recorded FAILED.
 */
@FunctionalInterface
public interface CertificateFields {

    Map<String, String> fieldsFor(CertificateRequest request);

    static CertificateFields none() {
        return request -> Map.of();
    }

    /** Synthetic values for the demo templates (a fictional address, never a real one). */
    static CertificateFields demo() {
        Map<String, String> values = Map.of(
                "address", "示例市示例区示例路1号",
                "since", "2015年3月1日",
                "householder", "测试",
                "relation", "本人");
        return request -> values;
    }
}
