package org.openkiosk.app.service.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.openkiosk.device.face.FaceLiveness;
import org.openkiosk.device.face.FaceMatch;
import org.openkiosk.app.certificate.AuthoritySignature;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.idcard.InvalidIdNumberException;

/**
 * A provincial service platform reached with JSON over HTTP; the contract is in
 * {@code docs/platform-http-api.md}. Person queries are POSTs so that ID numbers never appear in URLs (and
 * so in access logs). Every call has a connect and a request timeout, and every reply a size cap.
 */
public final class HttpServicePlatform implements ServicePlatform {

    private final URI base;
    private final Duration requestTimeout;
    private final Optional<String> bearerToken;
    private final HttpClient client;
    private final long maxReplyBytes;
    private final ObjectMapper json = new ObjectMapper();

    /** The largest reply read when the configuration states no other (ADR 0116). */
    public static final long DEFAULT_MAX_REPLY_BYTES = 2L * 1024 * 1024;

    /**
     * @param base           the platform's base URI, e.g. {@code https://platform.example.gov.cn/kiosk}
     * @param connectTimeout how long to wait for a connection
     * @param requestTimeout how long to wait for the whole reply
     * @param bearerToken    sent as {@code Authorization: Bearer …} when present
     */
    public HttpServicePlatform(URI base, Duration connectTimeout, Duration requestTimeout,
                               Optional<String> bearerToken) {
        this(base, connectTimeout, requestTimeout, bearerToken, defaultTls(), DEFAULT_MAX_REPLY_BYTES);
    }

    /**
     * @param tls           whom to trust for {@code https://} (the JDK's trust store, or the configured CA)
     * @param maxReplyBytes a larger reply is refused unread ({@link PlatformReplyException})
     */
    public HttpServicePlatform(URI base, Duration connectTimeout, Duration requestTimeout,
                               Optional<String> bearerToken, SSLContext tls, long maxReplyBytes) {
        String text = Objects.requireNonNull(base, "base").toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.requestTimeout = Objects.requireNonNull(requestTimeout);
        this.bearerToken = bearerToken;
        if (maxReplyBytes < 1) {
            throw new IllegalArgumentException("maxReplyBytes must be positive");
        }
        this.maxReplyBytes = maxReplyBytes;
        this.client = HttpClient.newBuilder()
                .sslContext(Objects.requireNonNull(tls, "tls"))
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Optional<Citizen> findCitizen(IdNumber idNumber) {
        JsonNode reply = post("v1/citizens/lookup", idNumber);
        JsonNode citizen = reply.get("citizen");
        if (citizen == null) {
            throw malformed("v1/citizens/lookup", "field 'citizen' is missing (use null for an unknown person)");
        }
        if (citizen.isNull()) {
            return Optional.empty();
        }
        IdNumber returned = idNumber(text(citizen, "idNumber", "v1/citizens/lookup"), "v1/citizens/lookup");
        if (!returned.equals(idNumber)) {
            throw malformed("v1/citizens/lookup", "the reply is about a different person");
        }
        return Optional.of(new Citizen(returned, text(citizen, "name", "v1/citizens/lookup")));
    }

    @Override
    public List<Application> applications(IdNumber idNumber) {
        String path = "v1/citizens/applications";
        return list(post(path, idNumber), "applications", path, a -> new Application(
                text(a, "id", path), text(a, "serviceCode", path), text(a, "titleZh", path), text(a, "titleEn", path),
                list(a, "timeline", path, e -> new ProgressEvent(status(text(e, "status", path), path),
                        instant(text(e, "at", path), path), optionalText(e, "noteZh")))));
    }

    @Override
    public List<Entitlement> entitlements(IdNumber idNumber) {
        String path = "v1/citizens/certificates";
        return list(post(path, idNumber), "certificates", path, c -> new Entitlement(text(c, "type", path),
                text(c, "titleZh", path), text(c, "titleEn", path), text(c, "issuerZh", path)));
    }

    @Override
    public IssuedCertificate issueCertificate(IdNumber idNumber, String certificateType, String requestId,
                                              String kioskId, boolean preview) {
        String path = "v1/certificates/issue";
        ObjectNode body = json.createObjectNode().put("idNumber", idNumber.value()).put("type", certificateType)
                .put("requestId", requestId).put("kioskId", kioskId).put("preview", preview);
        JsonNode reply = post(path, body);
        String outcome = text(reply, "outcome", path);
        if (outcome.equals("REFUSED")) {
            JsonNode refusal = reply.path("refusal");
            throw new CertificateRefusedException(text(refusal, "code", path), optionalText(refusal, "reason"));
        }
        if (!outcome.equals("ISSUED")) {
            throw malformed(path, "outcome must be ISSUED or REFUSED, got '" + outcome + "'");
        }
        JsonNode c = reply.get("certificate");
        if (c == null || !c.isObject()) {
            throw malformed(path, "an ISSUED reply needs the object 'certificate'");
        }
        if (!text(c, "type", path).equals(certificateType)) {
            throw malformed(path, "the certificate is of type '" + c.get("type").asText() + "', not the one asked for");
        }
        if (!idNumber(text(c, "idNumber", path), path).equals(idNumber)) {
            throw malformed(path, "the certificate is about a different person");
        }
        String number = text(c, "number", path);
        if (!number.matches(CERTIFICATE_NUMBER)) {
            throw malformed(path, "number '" + number + "' must be 1–40 letters, digits and -");
        }
        LocalDate issueDate = date(text(c, "issueDate", path), path);
        JsonNode validUntil = c.get("validUntil");
        Optional<LocalDate> until = validUntil == null || validUntil.isNull() ? Optional.empty()
                : Optional.of(date(text(c, "validUntil", path), path));
        if (until.isPresent() && until.get().isBefore(issueDate)) {
            throw malformed(path, "validUntil is before issueDate");
        }
        return new IssuedCertificate(certificateType, number, text(c, "holderName", path), idNumber, issueDate, until,
                fields(c.get("fields"), path), signature(c.get("signature"), path));
    }

    /** Certificate numbers go into the QR payload: the form {@code CertificateRequest} accepts. */
    private static final String CERTIFICATE_NUMBER = "[A-Za-z0-9][A-Za-z0-9-]{0,39}";

    private static Map<String, String> fields(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw malformed(path, "field 'fields' must be an object of strings (empty {} when the template has none)");
        }
        Map<String, String> fields = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), text(node, field.getKey(), path));
        }
        return fields;
    }

    private static Optional<AuthoritySignature> signature(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw malformed(path, "'signature' must be an object {keyId, value} or null");
        }
        try {
            return Optional.of(new AuthoritySignature(text(node, "keyId", path),
                    Base64.getUrlDecoder().decode(text(node, "value", path))));
        } catch (IllegalArgumentException e) {
            throw malformed(path, "signature value is not base64url: " + e.getMessage());
        }
    }

    private static LocalDate date(String text, String path) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed(path, "'" + text + "' is not an ISO-8601 date like 2026-11-22");
        }
    }

    @Override
    public List<ServiceGuide> guides() {
        String path = "v1/guides";
        return list(get(path), "guides", path, g -> new ServiceGuide(text(g, "code", path), text(g, "titleZh", path),
                text(g, "titleEn", path), text(g, "materialsZh", path), text(g, "materialsEn", path),
                text(g, "feeZh", path), text(g, "feeEn", path), text(g, "timeLimitZh", path),
                text(g, "timeLimitEn", path)));
    }

    @Override
    public List<Hall> halls() {
        String path = "v1/halls";
        return list(get(path), "halls", path, h -> new Hall(text(h, "id", path), text(h, "nameZh", path),
                text(h, "nameEn", path), text(h, "addressZh", path),
                list(h, "counters", path, c -> new Hall.Counter(text(c, "counterNo", path),
                        text(c, "counterType", path)))));
    }

    /**
     * The live photo to the platform, which compares it with its own photo of that person (ADR 0114). The photo
     * is sent once, base64 in the JSON body of a POST; only the outcome comes back.
     */
    @Override
    public FaceMatch verifyFace(IdNumber idNumber, byte[] livePhoto, String mediaType) {
        return verifyFace(idNumber, livePhoto, mediaType, FaceLiveness.OPTIONAL);
    }

    /** With the kiosk's liveness policy in the request and the platform's verdict read back (ADR 0118). */
    @Override
    public FaceMatch verifyFace(IdNumber idNumber, byte[] livePhoto, String mediaType, FaceLiveness liveness) {
        String path = "v1/identity/face-verification";
        // built as bytes, not a String, so that every copy of the photo can be zeroed after the call
        byte[] head;
        try {
            head = ("{\"idNumber\":\"" + idNumber.value() + "\",\"liveness\":\"" + liveness.option()
                    + "\",\"photo\":{\"mediaType\":"
                    + json.writeValueAsString(mediaType) + ",\"data\":\"").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] encoded = Base64.getEncoder().encode(livePhoto);
        byte[] body = new byte[head.length + encoded.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(encoded, 0, body, head.length, encoded.length);
        System.arraycopy(tail, 0, body, head.length + encoded.length, tail.length);
        java.util.Arrays.fill(encoded, (byte) 0);
        JsonNode reply;
        try {
            reply = exchange(path, request(path).header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        } finally {
            java.util.Arrays.fill(body, (byte) 0);
        }
        String outcome = text(reply, "outcome", path);
        FaceMatch match = switch (outcome) {
            case "MATCH" -> FaceMatch.MATCH;
            case "NO_MATCH" -> FaceMatch.NO_MATCH;
            case "NO_FACE" -> FaceMatch.NO_FACE;
            default -> throw malformed(path, "outcome must be MATCH, NO_MATCH or NO_FACE, got '" + outcome + "'");
        };
        JsonNode verdictNode = reply.get("liveness");
        String verdict = null;
        if (verdictNode != null && !verdictNode.isNull()) {
            verdict = verdictNode.isTextual() ? verdictNode.asText() : "";
            if (!verdict.equals("PASSED") && !verdict.equals("FAILED")) {
                throw malformed(path, "liveness must be PASSED or FAILED when present, got " + verdictNode);
            }
        }
        if (liveness == FaceLiveness.OFF || match == FaceMatch.NO_FACE) {
            return match; // no face: nothing to be live
        }
        if (verdict == null) {
            if (liveness == FaceLiveness.REQUIRED) {
                throw malformed(path, "no liveness verdict, but this kiosk requires one (options.liveness: required)");
            }
            return match;
        }
        return verdict.equals("FAILED") ? FaceMatch.NOT_LIVE : match;
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no TLS", e);
        }
    }

    private JsonNode get(String path) {
        return exchange(path, request(path).GET().build());
    }

    private JsonNode post(String path, IdNumber idNumber) {
        return post(path, json.createObjectNode().put("idNumber", idNumber.value()));
    }

    private JsonNode post(String path, ObjectNode body) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return exchange(path, request(path)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        bearerToken.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        return builder;
    }

    private JsonNode exchange(String path, HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, BoundedBody.handler(maxReplyBytes));
        } catch (BoundedBody.TooLarge e) {
            throw new PlatformReplyException("the platform's reply to " + path + " was refused: it is larger than "
                    + maxReplyBytes + " bytes (platform.maxReplyBytes)", e);
        } catch (HttpConnectTimeoutException e) {
            throw new PlatformUnavailableException("the platform at " + base + " did not accept a connection within "
                    + "the connect timeout", e);
        } catch (HttpTimeoutException e) {
            throw new PlatformUnavailableException("the platform at " + base + " did not answer " + path
                    + " within " + requestTimeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw new PlatformUnavailableException("the platform at " + base + " is unreachable: "
                    + (e.getMessage() == null ? "connection refused" : e.getMessage()), e);
        } catch (IOException e) {
            if (e.getCause() instanceof BoundedBody.TooLarge) {
                throw new PlatformReplyException("the platform's reply to " + path + " was refused: it is larger than "
                        + maxReplyBytes + " bytes (platform.maxReplyBytes)", e);
            }
            throw new PlatformUnavailableException("the connection to the platform at " + base + " failed during "
                    + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformUnavailableException("interrupted while waiting for the platform", e);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 429 || status == 408) {
            throw new PlatformUnavailableException("the platform answered " + path + " with HTTP " + status
                    + " (temporarily unavailable)", null);
        }
        if (status != 200) {
            throw new PlatformReplyException("the platform refused " + path + " with HTTP " + status);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw malformed(path, "Content-Type is '" + contentType + "', expected application/json");
        }
        try {
            JsonNode node = json.readTree(new String(response.body(), StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw malformed(path, "the body is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PlatformReplyException("the platform's reply to " + path + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static <T> List<T> list(JsonNode parent, String field, String path, Function<JsonNode, T> item) {
        JsonNode array = parent.get(field);
        if (array == null || !array.isArray()) {
            throw malformed(path, "field '" + field + "' must be an array");
        }
        List<T> result = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isObject()) {
                throw malformed(path, "'" + field + "' must hold objects");
            }
            result.add(item.apply(element));
        }
        return result;
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw malformed(path, "field '" + field + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static ApplicationStatus status(String text, String path) {
        try {
            return ApplicationStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw malformed(path, "unknown application status '" + text + "'");
        }
    }

    private static Instant instant(String text, String path) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed(path, "'" + text + "' is not an ISO-8601 instant like 2026-11-20T08:30:00Z");
        }
    }

    private static IdNumber idNumber(String text, String path) {
        try {
            return IdNumber.parse(text);
        } catch (InvalidIdNumberException e) {
            throw malformed(path, "idNumber in the reply is invalid: " + e.getMessage());
        }
    }

    private static PlatformReplyException malformed(String path, String why) {
        return new PlatformReplyException("the platform's reply to " + path + " breaks the contract: " + why);
    }
}
