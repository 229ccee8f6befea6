package org.openkiosk.app.certificate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.idcard.InvalidIdNumberException;

/** The repository's shipped configuration (templates, demo key) and a synthetic citizen. */
final class CertificateFixtures {

    /** Surefire runs in the module directory; the shipped configuration is one level up. */
    static final Path CONFIG = Path.of("..", "config");
    static final String NAME = "测试䶮";

    private CertificateFixtures() {}

    static CertificateTemplates templates() throws IOException {
        return CertificateTemplates.load(CONFIG);
    }

    static SigningConfig signing() throws IOException {
        return SigningConfig.load(CONFIG);
    }

    static CertificateRenderer renderer() throws IOException {
        return new CertificateRenderer(templates(), signing().signer(), true);
    }

    static CertificateVerifier verifier() throws IOException {
        return new CertificateVerifier(signing().trusted());
    }

    static CertificateRequest request(String type) {
        try {
            return new CertificateRequest(type, NAME, IdNumber.parse("11010519491231002X"), Map.of(
                    "address", "示例省示例市示例区幸福路1号", "householder", NAME, "relation", "户主", "since", "2020年1月1日"),
                    LocalDate.of(2026, 11, 22), "TEST-2026-0001");
        } catch (InvalidIdNumberException e) {
            throw new IllegalStateException(e);
        }
    }
}
