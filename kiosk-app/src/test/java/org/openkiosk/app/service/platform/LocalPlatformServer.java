package org.openkiosk.app.service.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real local HTTP server playing the provincial platform: each "METHOD /path" answers with a function of the
 * request body (JSON), so a test can compute replies (e.g. sign the issued certificate) from what was asked.
 */
public final class LocalPlatformServer implements AutoCloseable {

    /**
     * @param delayMillis how long to wait before answering (a platform slower than the kiosk's timeout)
     * @param chunked     send the body without a Content-Length (its size is known only by reading it)
     */
    public record Reply(int status, String contentType, String body, long delayMillis, boolean chunked) {
        public Reply(int status, String contentType, String body) {
            this(status, contentType, body, 0, false);
        }

        public static Reply json(String body) {
            return new Reply(200, "application/json; charset=utf-8", body);
        }
    }

    public final List<String> requestBodies = new CopyOnWriteArrayList<>();
    private final Map<String, Function<String, Reply>> routes = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final SelfSignedTls tls;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    public LocalPlatformServer() throws IOException {
        this(null);
    }

    /** @param tls serve {@code https://} with this certificate; null for plain HTTP */
    public LocalPlatformServer(SelfSignedTls tls) throws IOException {
        this.tls = tls;
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(loopback, 0);
        } else {
            HttpsServer https = HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.server()));
            server = https;
        }
        server.setExecutor(executor);
        server.createContext("/kiosk/", this::handle);
        server.start();
    }

    public LocalPlatformServer route(String methodAndPath, Function<String, Reply> reply) {
        routes.put(methodAndPath, reply);
        return this;
    }

    public URI base() {
        return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + server.getAddress().getPort() + "/kiosk/");
    }

    public HttpServicePlatform client() {
        return new HttpServicePlatform(base(), Duration.ofSeconds(2), Duration.ofSeconds(2), Optional.empty());
    }

    /** A client that trusts this server's certificate, with the given request timeout and reply cap. */
    public HttpServicePlatform client(Duration requestTimeout, long maxReplyBytes) {
        return new HttpServicePlatform(base(), Duration.ofSeconds(2), requestTimeout, Optional.empty(),
                tls == null ? defaultTls() : tls.client(), maxReplyBytes);
    }

    private static javax.net.ssl.SSLContext defaultTls() {
        try {
            return javax.net.ssl.SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requestBodies.add(body);
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath().substring("/kiosk".length());
            Reply reply = routes.getOrDefault(key, b -> new Reply(404, "application/json", "{}")).apply(body);
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis()); // plays a slow platform; the test waits on the client's timeout
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.chunked() ? 0 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException clientGone) {
                // the client gave up (timeout, or it refused an oversized reply) and closed the connection
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
