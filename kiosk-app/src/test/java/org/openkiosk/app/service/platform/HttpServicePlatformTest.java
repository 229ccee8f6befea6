package org.openkiosk.app.service.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.idcard.IdNumber;

/** The HTTP adapter against a real local HTTP server speaking the contract in docs/platform-http-api.md. */
class HttpServicePlatformTest {

    static final IdNumber PERSON = DemoData.TEST_PERSON;

    record Reply(int status, String contentType, String body, long delayMillis) {}

    final Map<String, Reply> replies = new ConcurrentHashMap<>();
    final List<String> requestBodies = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    HttpServer server;
    ExecutorService executor;
    HttpServicePlatform platform;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/kiosk/", this::handle);
        server.start();
        platform = new HttpServicePlatform(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/kiosk"),
                Duration.ofSeconds(2), Duration.ofMillis(800), Optional.of("secret-token"));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requestBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            Reply reply = replies.getOrDefault(key, new Reply(404, "application/json", "{}", 0));
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException clientGone) {
                // the client timed out and closed the connection
            }
        }
    }

    void reply(String key, String json) {
        replies.put(key, new Reply(200, "application/json; charset=utf-8", json, 0));
    }

    @Test
    void looksUpACitizenWithThePersonInTheBodyNotTheUrl() {
        reply("POST /kiosk/v1/citizens/lookup", "{\"citizen\": {\"idNumber\": \"" + PERSON.value()
                + "\", \"name\": \"测试\"}}");
        assertThat(platform.findCitizen(PERSON)).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("测试"));
        assertThat(requestBodies).containsExactly("{\"idNumber\":\"" + PERSON.value() + "\"}");
        assertThat(authorizations).containsExactly("Bearer secret-token");
        reply("POST /kiosk/v1/citizens/lookup", "{\"citizen\": null}");
        assertThat(platform.findCitizen(PERSON)).isEmpty();
    }

    @Test
    void readsApplicationsWithTheirTimelineInOrder() {
        reply("POST /kiosk/v1/citizens/applications", """
                {"applications": [{"id": "A1", "serviceCode": "exit-entry", "titleZh": "普通护照", "titleEn": "Passport",
                  "timeline": [
                    {"status": "UNDER_REVIEW", "at": "2026-11-20T02:00:00Z", "noteZh": "审核中"},
                    {"status": "RECEIVED", "at": "2026-11-19T02:00:00Z"}],
                  "futureField": true}]}
                """);
        List<Application> applications = platform.applications(PERSON);
        assertThat(applications).singleElement().satisfies(a -> {
            assertThat(a.timeline()).extracting(ProgressEvent::status)
                    .containsExactly(ApplicationStatus.RECEIVED, ApplicationStatus.UNDER_REVIEW);
            assertThat(a.timeline().get(0).at()).isEqualTo(Instant.parse("2026-11-19T02:00:00Z"));
            assertThat(a.currentStatus()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
        });
    }

    @Test
    void readsCertificatesHallsAndGuides() {
        reply("POST /kiosk/v1/citizens/certificates", """
                {"certificates": [{"type": "residence", "titleZh": "居住证明", "titleEn": "Residence", "issuerZh": "示例市公安局"}]}
                """);
        reply("GET /kiosk/v1/halls", """
                {"halls": [{"id": "H1", "nameZh": "中心", "nameEn": "Centre", "addressZh": "路 1 号",
                  "counters": [{"counterNo": "01", "counterType": "exit-entry"}, {"counterNo": "02", "counterType": "exit-entry"}]}]}
                """);
        reply("GET /kiosk/v1/guides", """
                {"guides": [{"code": "exit-entry", "titleZh": "出入境", "titleEn": "Exit-entry", "materialsZh": "身份证",
                  "materialsEn": "ID card", "feeZh": "免费", "feeEn": "Free", "timeLimitZh": "7 天", "timeLimitEn": "7 days"}]}
                """);
        assertThat(platform.entitlements(PERSON)).extracting(Entitlement::certificateType).containsExactly("residence");
        assertThat(platform.hall("H1")).hasValueSatisfying(h -> assertThat(h.countersOfType("exit-entry")).isEqualTo(2));
        assertThat(platform.guides()).extracting(ServiceGuide::feeEn).containsExactly("Free");
    }

    @Test
    void aSlowPlatformTimesOutWithATypedError() {
        replies.put("GET /kiosk/v1/halls", new Reply(200, "application/json", "{\"halls\": []}", 3_000));
        long start = System.nanoTime();
        assertThatThrownBy(() -> platform.halls()).isInstanceOf(PlatformUnavailableException.class)
                .hasMessageContaining("did not answer v1/halls within 800 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void anUnreachablePlatformIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        HttpServicePlatform nowhere = new HttpServicePlatform(URI.create("http://127.0.0.1:" + closedPort + "/"),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Optional.empty());
        assertThatThrownBy(nowhere::guides).isInstanceOf(PlatformUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort);
    }

    @Test
    void serverErrorsAreUnavailableAndClientErrorsAreRefusals() {
        replies.put("GET /kiosk/v1/guides", new Reply(503, "text/plain", "maintenance", 0));
        assertThatThrownBy(platform::guides).isInstanceOf(PlatformUnavailableException.class).hasMessageContaining("503");
        replies.put("GET /kiosk/v1/guides", new Reply(401, "application/json", "{}", 0));
        assertThatThrownBy(platform::guides).isInstanceOf(PlatformReplyException.class).hasMessageContaining("401");
    }

    @Test
    void malformedRepliesAreTypedErrorsNamingTheProblem() {
        reply("GET /kiosk/v1/guides", "{\"guides\": [ {\"code\": ");
        assertThatThrownBy(platform::guides).isInstanceOf(PlatformReplyException.class).hasMessageContaining("not valid JSON");

        reply("GET /kiosk/v1/guides", "{\"guides\": {}}");
        assertThatThrownBy(platform::guides).isInstanceOf(PlatformReplyException.class)
                .hasMessageContaining("'guides' must be an array");

        reply("GET /kiosk/v1/halls", "{\"halls\": [{\"id\": \"H1\", \"nameZh\": \"中心\", \"nameEn\": \"C\", \"counters\": []}]}");
        assertThatThrownBy(platform::halls).isInstanceOf(PlatformReplyException.class).hasMessageContaining("addressZh");

        reply("POST /kiosk/v1/citizens/applications", """
                {"applications": [{"id": "A1", "serviceCode": "x", "titleZh": "甲", "titleEn": "A",
                  "timeline": [{"status": "LOST", "at": "2026-11-19T02:00:00Z"}]}]}
                """);
        assertThatThrownBy(() -> platform.applications(PERSON)).isInstanceOf(PlatformReplyException.class)
                .hasMessageContaining("LOST");

        reply("POST /kiosk/v1/citizens/lookup", "{\"citizen\": {\"idNumber\": \"110105194912310021\", \"name\": \"测试\"}}");
        assertThatThrownBy(() -> platform.findCitizen(PERSON)).isInstanceOf(PlatformReplyException.class)
                .hasMessageContaining("idNumber");

        replies.put("GET /kiosk/v1/guides", new Reply(200, "text/html", "<html>login</html>", 0));
        assertThatThrownBy(platform::guides).isInstanceOf(PlatformReplyException.class).hasMessageContaining("text/html");
    }
}
