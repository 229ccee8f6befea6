package org.openkiosk.app.service.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import org.openkiosk.app.certificate.AuthoritySignatureCheck;
import org.openkiosk.app.certificate.CertificateContent;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.certificate.RevokedKeys;
import org.openkiosk.app.certificate.SigningAlgorithm;
import org.openkiosk.app.certificate.VerificationResult;
import org.openkiosk.app.certificate.CertificateRenderer;
import org.openkiosk.app.certificate.CertificateSigner;
import org.openkiosk.app.certificate.CertificateTemplates;
import org.openkiosk.app.certificate.CertificateVerifier;
import org.openkiosk.app.certificate.TrustedKeys;
import org.openkiosk.app.certificate.Verdict;
import org.openkiosk.app.runtime.adapters.RendererDocumentPort;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.identity.IdentitySource;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.platform.LocalPlatformServer;
import org.openkiosk.app.service.platform.LocalPlatformServer.Reply;
import org.openkiosk.app.service.platform.PlatformUnavailableException;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.app.service.support.MutableClock;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreBackend;
import org.openkiosk.app.store.Stores;

/**
 * Outside demo mode: the certificate's content comes from the platform's issue call over HTTP, the real
 * renderer draws it with a production key, and what reaches the printer verifies. Refusals and failures are
 * recorded FAILED and surface as typed errors.
 */
class PlatformIssuedCertificateTest {

    static final Path CONFIG = Path.of("..", "config");
    static final String ENTITLEMENTS = """
            {"certificates": [{"type": "residence", "titleZh": "居住证明", "titleEn": "Residence certificate",
                               "issuerZh": "示例市示例区示例街道办事处"}]}""";
    static final String ISSUED = """
            {"outcome": "ISSUED", "certificate": {"type": "residence", "number": "RES-2026-000777",
             "holderName": "测试", "idNumber": "11010519491231002X", "issueDate": "2026-11-23",
             "validUntil": null, "fields": {"address": "平台市平台路88号", "since": "2019年7月1日"}}}""";

    @TempDir
    Path tempDir;
    Store store;
    LocalPlatformServer platform;
    final List<byte[]> printed = new CopyOnWriteArrayList<>();
    CertificateService certificates;
    TrustedKeys trusted;

    @BeforeEach
    void setUp() throws Exception {
        store = Stores.open(StoreBackend.h2().newStoreConfig(tempDir), tempDir);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
        platform = new LocalPlatformServer().route("POST /v1/citizens/certificates", body -> Reply.json(ENTITLEMENTS));
        Path keys = tempDir.resolve("keys");
        CertificateKeys.generate(keys, "K-0101-2026", "test kiosk key");
        CertificateSigner signer = new CertificateSigner("K-0101-2026",
                CertificateKeys.readPrivate(keys.resolve("K-0101-2026.private.pem")));
        trusted = TrustedKeys.fromDirectory(keys);
        RendererDocumentPort documents = new RendererDocumentPort(
                new CertificateRenderer(CertificateTemplates.load(CONFIG), signer, false));
        certificates = new CertificateService(store, platform.client(), new CatalogueLoader().loadDefault(), documents,
                (title, pdf) -> {
                    printed.add(pdf);
                    return PrintOutcome.success();
                }, new AuditLog(store, clock, "K-0101"), clock, "K-0101");
    }

    @AfterEach
    void tearDown() {
        platform.close();
        store.close();
    }

    static Identity testPerson() {
        return new Identity(DemoData.TEST_PERSON, Optional.of("测试"), IdentitySource.CARD, Optional.empty(),
                Optional.empty());
    }

    @Test
    void printsExactlyWhatThePlatformIssuedAndItVerifies() throws Exception {
        platform.route("POST /v1/certificates/issue", body -> Reply.json(ISSUED));

        IssueResult result = certificates.issue(testPerson(), "residence");

        assertThat(result.outcome().printed()).isTrue();
        assertThat(result.certificateNumber()).isEqualTo("RES-2026-000777");
        assertThat(printed).hasSize(1);
        assertThat(new CertificateVerifier(trusted).verifyPdf(printed.get(0)).verdict()).isEqualTo(Verdict.VALID);
        try (PDDocument pdf = Loader.loadPDF(printed.get(0))) {
            String text = CertificateVerifier.extractText(pdf).replaceAll("\\s", "");
            assertThat(text).contains("平台市平台路88号", "2019年7月1日", "RES-2026-000777", "2026年11月23日");
        }
        // the kiosk asked with its own attempt reference, which the print record keeps
        assertThat(platform.requestBodies).anySatisfy(b -> assertThat(b).contains("\"requestId\":\"JZZ2026"));
        assertThat(outcomes()).containsExactly("PRINTED");
    }

    @Test
    void aRefusalIsRecordedFailedAndShownAsNotEntitled() {
        platform.route("POST /v1/certificates/issue", body -> Reply.json(
                "{\"outcome\": \"REFUSED\", \"refusal\": {\"code\": \"NOT_ELIGIBLE\"}}"));
        assertThatThrownBy(() -> certificates.issue(testPerson(), "residence"))
                .isInstanceOfSatisfying(CertificateException.class,
                        e -> assertThat(e.reason()).isEqualTo(CertificateException.Reason.NOT_ENTITLED));
        assertThat(printed).isEmpty();
        assertThat(outcomes()).containsExactly("FAILED");
        assertThat(failureReasons()).containsExactly("refused by the issuing authority: NOT_ELIGIBLE");
    }

    @Test
    void aMalformedReplyIsNotIssued() {
        platform.route("POST /v1/certificates/issue", body -> Reply.json("{\"outcome\": \"ISSUED\"}"));
        assertThatThrownBy(() -> certificates.issue(testPerson(), "residence"))
                .isInstanceOfSatisfying(CertificateException.class,
                        e -> assertThat(e.reason()).isEqualTo(CertificateException.Reason.NOT_ISSUED));
        assertThat(printed).isEmpty();
        assertThat(outcomes()).containsExactly("FAILED");
    }

    @Test
    void anUnreachableIssuerIsUnavailableAndNothingCounts() {
        platform.route("POST /v1/certificates/issue", body -> new Reply(503, "application/json", "{}"));
        assertThatThrownBy(() -> certificates.issue(testPerson(), "residence"))
                .isInstanceOf(PlatformUnavailableException.class);
        assertThat(printed).isEmpty();
        assertThat(outcomes()).containsExactly("FAILED");
        assertThat(certificates.printable(testPerson())).singleElement()
                .satisfies(p -> assertThat(p.printed()).isZero());
    }

    @Test
    void aTemplateFieldThePlatformDidNotSendIsNeverInvented() {
        platform.route("POST /v1/certificates/issue", body -> Reply.json(ISSUED.replace(", \"since\": \"2019年7月1日\"", "")));
        IssueResult result = certificates.issue(testPerson(), "residence");
        assertThat(result.outcome().printed()).isFalse();
        assertThat(result.outcome().failureReason()).contains("since");
        assertThat(printed).isEmpty();
        assertThat(outcomes()).containsExactly("FAILED");
    }

    @Test
    void thePreviewShowsTheIssuedContentWithoutIssuing() throws Exception {
        platform.route("POST /v1/certificates/issue", body -> Reply.json(ISSUED));
        byte[] preview = certificates.preview(testPerson(), "residence");
        try (PDDocument pdf = Loader.loadPDF(preview)) {
            assertThat(CertificateVerifier.extractText(pdf).replaceAll("\\s", "")).contains("平台市平台路88号")
                    .doesNotContain("RES-2026-000777");
        }
        assertThat(platform.requestBodies).anySatisfy(b -> assertThat(b).contains("\"preview\":true"));
        assertThat(outcomes()).isEmpty();
    }

    @Test
    void anAuthoritySignedNetworkPrintsOnlyWhatTheAuthoritySigned() throws Exception {
        // the authority's key: its private half stays with the "platform", the kiosk trusts the public half
        Path authorityKeys = tempDir.resolve("authority");
        CertificateKeys.generate(authorityKeys, "province-2026", "", SigningAlgorithm.SM2);
        CertificateSigner authority = new CertificateSigner("province-2026",
                CertificateKeys.readPrivate(authorityKeys.resolve("province-2026.private.pem")));
        Path kioskTrust = Files.createDirectories(tempDir.resolve("kiosk-trust"));
        Files.copy(authorityKeys.resolve("province-2026.public.pem"), kioskTrust.resolve("province-2026.public.pem"));
        TrustedKeys kioskTrusted = TrustedKeys.fromDirectory(kioskTrust);
        CertificateTemplates templates = CertificateTemplates.load(CONFIG);
        CertificateService authoritySigned = new CertificateService(store, platform.client(),
                new CatalogueLoader().loadDefault(), new RendererDocumentPort(new CertificateRenderer(templates,
                        new AuthoritySignatureCheck(kioskTrusted, RevokedKeys.none()), false)),
                (title, pdf) -> {
                    printed.add(pdf);
                    return PrintOutcome.success();
                }, new AuditLog(store, new MutableClock(Instant.parse("2026-11-23T02:00:00Z")), "K-0101"),
                new MutableClock(Instant.parse("2026-11-23T02:00:00Z")), "K-0101");
        String address = "平台市平台路88号";

        // the authority signed one address, the reply carries another: nothing is printed
        platform.route("POST /v1/certificates/issue", body -> Reply.json(
                signedReply(templates, authority, address).replace(address, "篡改路1号")));
        IssueResult tampered = authoritySigned.issue(testPerson(), "residence");
        assertThat(tampered.outcome().printed()).isFalse();
        assertThat(tampered.outcome().failureReason()).contains("does not match");
        assertThat(printed).isEmpty();

        // the same certificate as signed: printed, and it verifies with the authority's key
        platform.route("POST /v1/certificates/issue", body -> Reply.json(signedReply(templates, authority, address)));
        IssueResult result = authoritySigned.issue(testPerson(), "residence");
        assertThat(result.outcome().printed()).as(result.outcome().failureReason()).isTrue();
        VerificationResult verified = new CertificateVerifier(kioskTrusted, RevokedKeys.none(), false)
                .verifyPdf(printed.get(0));
        assertThat(verified.verdict()).isEqualTo(Verdict.VALID);
        assertThat(verified.payload().orElseThrow().keyId()).isEqualTo("province-2026");

        assertThat(printed).hasSize(1);
    }

    /** What an authority-signing platform answers: the content and its signature over the canonical payload. */
    static String signedReply(CertificateTemplates templates, CertificateSigner authority, String address) {
        try {
            org.openkiosk.app.certificate.CertificateRequest content = new org.openkiosk.app.certificate.CertificateRequest(
                    "residence", "测试", DemoData.TEST_PERSON, java.util.Map.of("address", address, "since", "2019年7月1日"),
                    java.time.LocalDate.of(2026, 11, 23), "RES-2026-000778", Optional.empty(), Optional.empty());
            byte[] signature = authority.sign(CertificateContent.unsignedPayload(templates.get("residence"), content,
                    authority.keyId())).signature();
            return ISSUED.replace("RES-2026-000777", "RES-2026-000778").replace("平台市平台路88号", address)
                    .replace("\"validUntil\": null,", "\"validUntil\": null, \"signature\": {\"keyId\": \"province-2026\","
                            + " \"value\": \"" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(signature) + "\"},");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> outcomes() {
        return column("SELECT outcome FROM certificate_print ORDER BY id");
    }

    private List<String> failureReasons() {
        return column("SELECT failure_reason FROM certificate_print ORDER BY id");
    }

    private List<String> column(String sql) {
        return store.inTransaction(c -> {
            List<String> values = new java.util.ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        });
    }
}
