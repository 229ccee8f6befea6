package org.openkiosk.app.service.rating;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import org.openkiosk.app.config.HttpEndpointRules;
import org.openkiosk.app.config.RatingsTargetSettings;
import org.openkiosk.app.store.journal.JournalRecord;
import org.openkiosk.app.store.journal.JournalTarget;
import org.openkiosk.app.store.journal.RecordKind;
import org.openkiosk.app.store.journal.TargetRejectedException;
import org.openkiosk.app.store.journal.TargetUnavailableException;

/**
 * The evaluation platform (the provincial 好差评 system) as a target of the journal's shipper (ADR 0162; contract in
 * {@code docs/ratings-http-api.md}): each rating is one {@code POST v1/ratings} whose {@code Idempotency-Key} header
 * and {@code ratingId} are the journal record's key, so the platform takes a rating sent twice once.
 *
 * <p>The body holds no personal data: service code, level 1–5, a reason <em>code</em> from a fixed list (a reason
 * that is not one of the kiosk's offered texts goes as {@code other}, so typed text never leaves the kiosk), the
 * kiosk, the hall and the time.
 */
public final class HttpRatingsTarget implements JournalTarget {

    public static final String NAME = "ratings";
    public static final String PATH = "v1/ratings";
    /** The probe {@code kiosk doctor} sends (ADR 0177): answered without taking or creating anything. */
    public static final String HEALTH_PATH = "v1/health";

    /**
     * What the platform answered the probe.
     *
     * @param ok     reachable (over TLS unless a test installation's http://), and the token accepted
     * @param detail what was found, or the cause for a technician
     */
    public record Probe(boolean ok, String detail) {}

    /** The reasons the rating screen offers, stored as their Chinese text (messages_zh.properties), as codes. */
    static final Map<String, String> REASON_CODES = Map.of(
            "等待时间太长", "slow",
            "操作太复杂", "complicated",
            "设备出现故障", "device",
            "其他原因", "other");

    private final URI endpoint;
    private final URI health;
    private final String hallId;
    private final Duration requestTimeout;
    private final Optional<String> bearerToken;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    public HttpRatingsTarget(URI base, String hallId, Duration connectTimeout, Duration requestTimeout,
                             Optional<String> bearerToken, SSLContext tls) {
        String text = Objects.requireNonNull(base, "base").toString();
        this.endpoint = URI.create(text.endsWith("/") ? text : text + "/").resolve(PATH);
        this.health = URI.create(text.endsWith("/") ? text : text + "/").resolve(HEALTH_PATH);
        this.hallId = Objects.requireNonNull(hallId, "hallId");
        this.requestTimeout = Objects.requireNonNull(requestTimeout);
        this.bearerToken = bearerToken;
        this.client = HttpClient.newBuilder()
                .sslContext(Objects.requireNonNull(tls, "tls"))
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** From {@code kiosk.yaml ratingsTarget:}; the token is read from the named environment variable. */
    public static HttpRatingsTarget of(RatingsTargetSettings settings, String hallId,
                                       UnaryOperator<String> environment) {
        Optional<String> token = Optional.ofNullable(settings.tokenEnvironment()).map(environment)
                .filter(t -> !t.isBlank());
        return new HttpRatingsTarget(URI.create(settings.baseUrl()), hallId,
                Duration.ofMillis(settings.connectTimeoutMs()), Duration.ofMillis(settings.requestTimeoutMs()), token,
                HttpEndpointRules.clientTls(settings.caFile(), "the evaluation platform"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<RecordKind> kinds() {
        return Set.of(RecordKind.RATING);
    }

    @Override
    public void deliver(JournalRecord record) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", record.key())
                .POST(HttpRequest.BodyPublishers.ofString(body(record), StandardCharsets.UTF_8));
        bearerToken.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        int status = send(request.build());
        if (status == 200 || status == 201 || status == 409) {
            return; // taken now, or taken before (409: the key is known — a retry after a lost answer)
        }
        if (status == 400 || status == 422) {
            throw new TargetRejectedException("the evaluation platform refused rating " + record.key()
                    + " with HTTP " + status);
        }
        // 5xx, 408, 429: busy; 401/403/404 and the rest: the kiosk's set-up (token, URL), not this rating
        throw new TargetUnavailableException("the evaluation platform answered HTTP " + status
                + (status == 401 || status == 403 ? " (check ratingsTarget.tokenEnvironment)"
                : status == 404 ? " (check ratingsTarget.baseUrl)" : ""), null);
    }

    /**
     * Asks {@code GET v1/health} with the kiosk's token (docs/ratings-http-api.md): is the platform reachable, does
     * its certificate chain to the configured trust, is the token accepted. Sends no rating.
     */
    public Probe probe() {
        HttpRequest.Builder request = HttpRequest.newBuilder(health).timeout(requestTimeout).GET();
        bearerToken.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        String transport = health.getScheme().equals("https") ? "over TLS" : "over plain HTTP (test installation)";
        int status;
        try {
            status = send(request.build());
        } catch (TargetUnavailableException e) {
            return new Probe(false, e.getMessage());
        }
        String token = bearerToken.isPresent() ? "token accepted" : "no token configured, none asked for";
        return switch (status) {
            case 200, 204 -> new Probe(true, health + " reachable " + transport + ", " + token + " (HTTP " + status
                    + ")");
            case 401, 403 -> new Probe(false, health + " answered HTTP " + status + " " + transport + ": the token was"
                    + (bearerToken.isPresent() ? " refused" : " missing")
                    + " (check ratingsTarget.tokenEnvironment and the variable it names)");
            case 404 -> new Probe(false, health + " answered HTTP 404: check ratingsTarget.baseUrl");
            default -> new Probe(false, health + " answered HTTP " + status + " " + transport
                    + " (the platform cannot take ratings now)");
        };
    }

    /** The request body: no personal data (see the class comment). */
    String body(JournalRecord record) {
        Map<String, String> fields = record.fields();
        int level = Integer.parseInt(record.field("level"));
        ObjectNode body = json.createObjectNode()
                .put("ratingId", record.key())
                .put("kioskId", record.kioskId())
                .put("hallId", hallId)
                .put("serviceCode", record.field("service"))
                .put("level", level)
                .put("ratedAt", record.createdAt().toString());
        String reason = fields.get("reason");
        if (reason == null) {
            body.putNull("reasonCode");
        } else {
            body.put("reasonCode", REASON_CODES.getOrDefault(reason.strip(), "other"));
        }
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int send(HttpRequest request) {
        URI uri = request.uri();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (javax.net.ssl.SSLException e) {
            throw new TargetUnavailableException("the evaluation platform at " + uri + ": TLS failed ("
                    + e.getMessage() + "): its certificate does not chain to ratingsTarget.caFile or the JDK's trust"
                    + " store, or its name does not match", e);
        } catch (HttpConnectTimeoutException e) {
            throw new TargetUnavailableException("the evaluation platform at " + uri
                    + " did not accept a connection within the connect timeout", e);
        } catch (HttpTimeoutException e) {
            throw new TargetUnavailableException("the evaluation platform at " + uri + " did not answer within "
                    + requestTimeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw new TargetUnavailableException("the evaluation platform at " + uri + " is unreachable: "
                    + (e.getMessage() == null ? "connection refused" : e.getMessage()), e);
        } catch (IOException e) {
            throw new TargetUnavailableException("the connection to the evaluation platform at " + uri
                    + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetUnavailableException("interrupted while waiting for the evaluation platform", e);
        }
    }
}
