package org.openkiosk.app.service.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.runtime.adapters.PlatformFaceMatcher;
import org.openkiosk.app.service.platform.LocalPlatformServer.Reply;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.face.FaceLiveness;
import org.openkiosk.device.face.FaceMatch;
import org.openkiosk.device.face.FaceReference;
import org.openkiosk.device.face.FaceVerifier;
import org.openkiosk.device.face.FaceVerifiers;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.transport.TransportUri;

/**
 * Face verification at the platform ({@code POST v1/identity/face-verification}, docs/platform-http-api.md)
 * against a real local HTTPS server: match, no match, no face, timeout, malformed and oversized replies.
 */
class HttpFaceVerificationTest {

    static final IdNumber PERSON = DemoData.TEST_PERSON;
    static final String PATH = "POST /v1/identity/face-verification";
    /**
     * The request timeout of every test but the timeout test's: what they assert (an outcome, a refused reply) does not
     * depend on time, so a loaded machine (a TLS handshake and a 100 KB reply took longer than 800 ms at a load
     * average of ~20) must not turn it into a timeout.
     */
    static final Duration NOT_TIMING = Duration.ofSeconds(60);
    static SelfSignedTls tls;

    LocalPlatformServer server;
    HttpServicePlatform platform;

    @BeforeAll
    static void certificate() throws Exception {
        tls = SelfSignedTls.forLoopback();
    }

    @BeforeEach
    void start() throws Exception {
        server = new LocalPlatformServer(tls);
        platform = server.client(NOT_TIMING, 4096);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theLivePhotoGoesOverHttpsAndTheOutcomeComesBack() throws Exception {
        for (String outcome : new String[] {"MATCH", "NO_MATCH", "NO_FACE"}) {
            server.route(PATH, body -> Reply.json("{\"outcome\":\"" + outcome + "\"}"));
            assertThat(platform.verifyFace(PERSON, new byte[] {1, 2, 3, (byte) 0xFF}, "image/jpeg"))
                    .isEqualTo(FaceMatch.valueOf(outcome));
        }
        JsonNode sent = new ObjectMapper().readTree(server.requestBodies.get(0));
        assertThat(sent.get("idNumber").asText()).isEqualTo(PERSON.value());
        assertThat(sent.at("/photo/mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(Base64.getDecoder().decode(sent.at("/photo/data").asText())).containsExactly(1, 2, 3, 0xFF);
    }

    @Test
    void theLivenessPolicyGoesOutAndTheVerdictComesBack() throws Exception {
        FaceLiveness[] policies = FaceLiveness.values();
        server.route(PATH, body -> Reply.json("{\"outcome\":\"MATCH\",\"liveness\":\"FAILED\"}"));
        assertThat(platform.verifyFace(PERSON, new byte[] {1}, "image/jpeg", FaceLiveness.REQUIRED))
                .isEqualTo(FaceMatch.NOT_LIVE);
        assertThat(platform.verifyFace(PERSON, new byte[] {1}, "image/jpeg", FaceLiveness.OPTIONAL))
                .isEqualTo(FaceMatch.NOT_LIVE);
        assertThat(platform.verifyFace(PERSON, new byte[] {1}, "image/jpeg", FaceLiveness.OFF))
                .as("off: the verdict is ignored").isEqualTo(FaceMatch.MATCH);
        for (int i = 0; i < policies.length; i++) {
            assertThat(new ObjectMapper().readTree(server.requestBodies.get(i)).get("liveness").asText())
                    .isEqualTo(policies[i].option());
        }
        server.route(PATH, body -> Reply.json("{\"outcome\":\"MATCH\",\"liveness\":\"PASSED\"}"));
        assertThat(platform.verifyFace(PERSON, new byte[] {1}, "image/jpeg", FaceLiveness.REQUIRED))
                .isEqualTo(FaceMatch.MATCH);
        // a platform without liveness: fine where optional, a broken contract where required
        server.route(PATH, body -> Reply.json("{\"outcome\":\"MATCH\"}"));
        assertThat(platform.verifyFace(PERSON, new byte[] {1}, "image/jpeg", FaceLiveness.OPTIONAL))
                .isEqualTo(FaceMatch.MATCH);
        assertThatThrownBy(() -> platform.verifyFace(PERSON, new byte[] {1}, "image/jpeg", FaceLiveness.REQUIRED))
                .isInstanceOf(PlatformReplyException.class).hasMessageContaining("no liveness verdict");
        server.route(PATH, body -> Reply.json("{\"outcome\":\"NO_FACE\"}"));
        assertThat(platform.verifyFace(PERSON, new byte[] {1}, "image/jpeg", FaceLiveness.REQUIRED))
                .as("no face: nothing to be live").isEqualTo(FaceMatch.NO_FACE);
        server.route(PATH, body -> Reply.json("{\"outcome\":\"MATCH\",\"liveness\":true}"));
        assertThatThrownBy(() -> platform.verifyFace(PERSON, new byte[] {1}, "image/jpeg", FaceLiveness.OPTIONAL))
                .isInstanceOf(PlatformReplyException.class).hasMessageContaining("liveness must be PASSED or FAILED");
        // through the device: the verifier's policy reaches the platform
        server.route(PATH, body -> Reply.json("{\"outcome\":\"MATCH\",\"liveness\":\"FAILED\"}"));
        FaceVerifier verifier = FaceVerifiers.create("faceVerifier", FaceVerifiers.PLATFORM, TransportUri.parse("sim:"),
                Map.of("liveness", "required"), PlatformFaceMatcher.of(platform));
        verifier.open();
        verifier.claim();
        verifier.enable();
        try (FaceReference reference = new FaceReference(PERSON, new byte[0])) {
            assertThat(verifier.verify(reference)).isEqualTo(FaceMatch.NOT_LIVE);
        }
        verifier.close();
    }

    @Test
    void theFaceVerifierDeviceComparesAtThePlatformAndWipesTheFrame() throws Exception {
        server.route(PATH, body -> Reply.json("{\"outcome\":\"MATCH\"}"));
        FaceVerifier verifier = FaceVerifiers.create("faceVerifier", FaceVerifiers.PLATFORM, TransportUri.parse("sim:"),
                Map.of(), PlatformFaceMatcher.of(platform));
        verifier.open();
        verifier.claim();
        verifier.enable();
        try (FaceReference reference = new FaceReference(PERSON, new byte[0])) {
            assertThat(verifier.verify(reference)).isEqualTo(FaceMatch.MATCH);
        }
        assertThat(verifier.description()).contains("service platform").contains("simulated camera");
        verifier.close();
        assertThat(PlatformFaceMatcher.of(new EmbeddedServicePlatform(null, java.time.Clock.systemUTC(),
                EmbeddedServicePlatform.DEFAULT_ZONE))).as("the embedded platform has no photos").isEmpty();
    }

    @Test
    void aPlatformSlowerThanTheTimeoutIsUnavailableAndTheDeviceSaysRetry() throws Exception {
        // the reply comes long after the timeout, however slow the machine: the timeout is what ends the wait
        HttpServicePlatform platform = server.client(Duration.ofMillis(800), 4096);
        server.route(PATH, body -> new Reply(200, "application/json", "{\"outcome\":\"MATCH\"}", 30_000, false));
        assertThatThrownBy(() -> platform.verifyFace(PERSON, new byte[] {1}, "image/jpeg"))
                .isInstanceOf(PlatformUnavailableException.class).hasMessageContaining("within 800 ms");
        FaceVerifier verifier = FaceVerifiers.create("faceVerifier", FaceVerifiers.PLATFORM, TransportUri.parse("sim:"),
                Map.of(), PlatformFaceMatcher.of(platform));
        verifier.open();
        verifier.claim();
        verifier.enable();
        try (FaceReference reference = new FaceReference(PERSON, new byte[0])) {
            assertThatThrownBy(() -> verifier.verify(reference)).isInstanceOfSatisfying(DeviceException.class, e -> {
                assertThat(e.action()).isEqualTo(RecommendedAction.RETRY);
                assertThat(e.retryable()).isTrue();
            });
        }
        verifier.close();
    }

    @Test
    void malformedRepliesBreakTheContractByName() {
        server.route(PATH, body -> Reply.json("{\"outcome\":\"PROBABLY\"}"));
        assertThatThrownBy(() -> platform.verifyFace(PERSON, new byte[] {1}, "image/jpeg"))
                .isInstanceOf(PlatformReplyException.class)
                .hasMessageContaining("outcome must be MATCH, NO_MATCH or NO_FACE, got 'PROBABLY'");
        server.route(PATH, body -> Reply.json("{\"score\":0.93}"));
        assertThatThrownBy(() -> platform.verifyFace(PERSON, new byte[] {1}, "image/jpeg"))
                .isInstanceOf(PlatformReplyException.class).hasMessageContaining("field 'outcome'");
        server.route(PATH, body -> Reply.json("<html>gateway</html>"));
        assertThatThrownBy(() -> platform.verifyFace(PERSON, new byte[] {1}, "image/jpeg"))
                .isInstanceOf(PlatformReplyException.class).hasMessageContaining("not valid JSON");
        server.route(PATH, body -> new Reply(200, "text/html", "{\"outcome\":\"MATCH\"}"));
        assertThatThrownBy(() -> platform.verifyFace(PERSON, new byte[] {1}, "image/jpeg"))
                .isInstanceOf(PlatformReplyException.class).hasMessageContaining("Content-Type");
    }

    @Test
    void anOversizedReplyIsRefusedWithOrWithoutItsLength() {
        String huge = "{\"outcome\":\"MATCH\",\"padding\":\"" + "x".repeat(100_000) + "\"}";
        server.route(PATH, body -> Reply.json(huge));
        assertThatThrownBy(() -> platform.verifyFace(PERSON, new byte[] {1}, "image/jpeg"))
                .isInstanceOf(PlatformReplyException.class).hasMessageContaining("larger than 4096 bytes");
        server.route(PATH, body -> new Reply(200, "application/json", huge, 0, true));
        assertThatThrownBy(() -> platform.verifyFace(PERSON, new byte[] {1}, "image/jpeg"))
                .isInstanceOf(PlatformReplyException.class).hasMessageContaining("larger than 4096 bytes");
        server.route("GET /v1/guides", body -> new Reply(200, "application/json", huge, 0, true));
        assertThatThrownBy(platform::guides).as("every call is capped, not only face verification")
                .isInstanceOf(PlatformReplyException.class).hasMessageContaining("platform.maxReplyBytes");
    }

    @Test
    void aServerTheKioskDoesNotTrustIsNeverSentThePhoto() {
        HttpServicePlatform trustingTheJdkOnly = new HttpServicePlatform(server.base(), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Optional.empty());
        assertThatThrownBy(() -> trustingTheJdkOnly.verifyFace(PERSON, new byte[] {1}, "image/jpeg"))
                .isInstanceOf(PlatformUnavailableException.class);
        assertThat(server.requestBodies).isEmpty();
        assertThat(server.base()).isEqualTo(URI.create(server.base().toString())).extracting(URI::getScheme)
                .isEqualTo("https");
    }
}
