package org.openkiosk.app.service.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.service.platform.LocalPlatformServer.Reply;
import org.openkiosk.device.idcard.IdNumber;

/** The platform's issue call (docs/platform-http-api.md, v1/certificates/issue) against a real local server. */
class HttpCertificateIssueTest {

    static final IdNumber PERSON = DemoData.TEST_PERSON;
    static final String ISSUE = "POST /v1/certificates/issue";

    LocalPlatformServer server;
    HttpServicePlatform platform;

    @BeforeEach
    void start() throws IOException {
        server = new LocalPlatformServer();
        platform = server.client();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String issued(String certificateExtra) {
        return """
                {"outcome": "ISSUED", "certificate": {"type": "residence", "number": "RES-2026-000123",
                 "holderName": "测试", "idNumber": "11010519491231002X", "issueDate": "2026-11-22",
                 "fields": {"address": "示例市示例路 9 号", "since": "2020年1月1日"}%s}}""".formatted(certificateExtra);
    }

    @Test
    void issuesTheCertificateTheAuthorityDecided() {
        server.route(ISSUE, body -> Reply.json(issued(", \"validUntil\": \"2027-02-21\","
                + " \"signature\": {\"keyId\": \"authority-2026\", \"value\": \"AQID\"}")));

        IssuedCertificate c = platform.issueCertificate(PERSON, "residence", "JZZ202600000001", "K-0101", false);

        assertThat(c.number()).isEqualTo("RES-2026-000123");
        assertThat(c.holderName()).isEqualTo("测试");
        assertThat(c.issueDate()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(c.validUntil()).contains(LocalDate.of(2027, 2, 21));
        assertThat(c.fields()).containsExactlyInAnyOrderEntriesOf(Map.of("address", "示例市示例路 9 号", "since", "2020年1月1日"));
        assertThat(c.signature()).hasValueSatisfying(s -> {
            assertThat(s.keyId()).isEqualTo("authority-2026");
            assertThat(s.value()).containsExactly(1, 2, 3);
        });
        assertThat(c.toString()).doesNotContain("测试").doesNotContain("11010519491231002X");
        // the person travels in the body, with the type, the kiosk's request id and whether it is a preview
        assertThat(server.requestBodies).singleElement().satisfies(body -> assertThat(body)
                .contains("\"idNumber\":\"11010519491231002X\"", "\"type\":\"residence\"",
                        "\"requestId\":\"JZZ202600000001\"", "\"kioskId\":\"K-0101\"", "\"preview\":false"));
    }

    @Test
    void anUnsignedCertificateWithoutExpiryIsAccepted() {
        server.route(ISSUE, body -> Reply.json(issued(", \"validUntil\": null, \"signature\": null")));
        IssuedCertificate c = platform.issueCertificate(PERSON, "residence", "R1", "K-0101", true);
        assertThat(c.validUntil()).isEmpty();
        assertThat(c.signature()).isEmpty();
        assertThat(server.requestBodies.get(0)).contains("\"preview\":true");
    }

    @Test
    void aRefusalIsADecisionWithItsCode() {
        server.route(ISSUE, body -> Reply.json("""
                {"outcome": "REFUSED", "refusal": {"code": "NOT_ELIGIBLE", "reason": "record under review"}}"""));
        assertThatThrownBy(() -> platform.issueCertificate(PERSON, "residence", "R1", "K-0101", false))
                .isInstanceOfSatisfying(CertificateRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("NOT_ELIGIBLE"))
                .hasMessageContaining("record under review");
    }

    @Test
    void malformedIssueRepliesNameTheProblem() {
        Map<String, String> cases = Map.of(
                "{\"outcome\": \"MAYBE\"}", "outcome must be ISSUED or REFUSED",
                "{\"outcome\": \"ISSUED\"}", "needs the object 'certificate'",
                issued("").replace("\"issueDate\": \"2026-11-22\"", "\"issueDate\": \"22.11.2026\""), "not an ISO-8601 date",
                issued("").replace("11010519491231002X", "110105194912310029"), "idNumber in the reply is invalid",
                issued("").replace("\"type\": \"residence\"", "\"type\": \"no-criminal-record\""), "not the one asked for",
                issued("").replace("\"fields\": {\"address\": \"示例市示例路 9 号\", \"since\": \"2020年1月1日\"}", "\"fields\": [1]"),
                "'fields' must be an object",
                issued(", \"signature\": {\"keyId\": \"a\", \"value\": \"***\"}"), "not base64url",
                issued(", \"validUntil\": \"2026-01-01\""), "validUntil is before issueDate",
                issued("").replace("RES-2026-000123", "RES 2026|1"), "must be 1–40 letters");
        cases.forEach((reply, problem) -> {
            server.route(ISSUE, body -> Reply.json(reply));
            assertThatThrownBy(() -> platform.issueCertificate(PERSON, "residence", "R1", "K-0101", false))
                    .as(reply).isInstanceOf(PlatformReplyException.class).hasMessageContaining(problem);
        });
    }

    @Test
    void aCertificateAboutSomeoneElseIsRefusedAsMalformed() {
        server.route(ISSUE, body -> Reply.json(issued("").replace("11010519491231002X", DemoData.ZHANG.value())));
        assertThatThrownBy(() -> platform.issueCertificate(PERSON, "residence", "R1", "K-0101", false))
                .isInstanceOf(PlatformReplyException.class).hasMessageContaining("different person");
    }

    @Test
    void anUnreachablePlatformIsUnavailable() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        HttpServicePlatform nowhere = new HttpServicePlatform(URI.create("http://127.0.0.1:" + port + "/kiosk"),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Optional.empty());
        assertThatThrownBy(() -> nowhere.issueCertificate(PERSON, "residence", "R1", "K-0101", false))
                .isInstanceOf(PlatformUnavailableException.class);
    }
}
