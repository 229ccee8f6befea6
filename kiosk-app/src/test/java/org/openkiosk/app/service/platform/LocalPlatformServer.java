package org.openkiosk.app.service.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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

    public record Reply(int status, String contentType, String body) {
        public static Reply json(String body) {
            return new Reply(200, "application/json; charset=utf-8", body);
        }
    }

    public final List<String> requestBodies = new CopyOnWriteArrayList<>();
    private final Map<String, Function<String, Reply>> routes = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    public LocalPlatformServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/kiosk/", this::handle);
        server.start();
    }

    public LocalPlatformServer route(String methodAndPath, Function<String, Reply> reply) {
        routes.put(methodAndPath, reply);
        return this;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/kiosk/");
    }

    public HttpServicePlatform client() {
        return new HttpServicePlatform(base(), Duration.ofSeconds(2), Duration.ofSeconds(2), Optional.empty());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requestBodies.add(body);
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath().substring("/kiosk".length());
            Reply reply = routes.getOrDefault(key, b -> new Reply(404, "application/json", "{}")).apply(body);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
