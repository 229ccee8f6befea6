package org.openkiosk.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.openkiosk.app.config.ConsoleStaffFile.StaffAccount;
import org.openkiosk.app.fleet.FleetJson;
import org.openkiosk.app.fleet.HelpCalls;
import org.openkiosk.app.fleet.command.CommandProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator console's web side on the JDK's HTTP server (ADR 0150): the login page, the console page, its live
 * feed as server-sent events, and the actions. Staff log in with a password (PBKDF2, lock-out); the session cookie
 * is HttpOnly, SameSite=Strict and Secure; every action needs the session's CSRF token in a header and a same-origin
 * request, and the operator role; every login and action is audited with the staff member's name.
 */
public final class ConsoleServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);
    public static final String SESSION_COOKIE = "okc_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** How long an action waits for the kiosk's reply before saying it has none yet. */
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final int MAX_BODY = 16 * 1024;
    private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9._-]{1,32}/[A-Za-z0-9._-]{1,32}/[A-Za-z0-9._-]{1,32}");
    /** What the console's buttons may send (help calls have their own action). */
    static final Set<String> ACTIONS = Set.of(CommandProcessor.OUT_OF_SERVICE, CommandProcessor.RELOAD_CONFIG,
            CommandProcessor.DIAGNOSTICS, CommandProcessor.RESTART, CommandProcessor.PING);

    private final HttpServer server;
    private final HallView hall;
    private final ConsoleLink link;
    private final StaffLogin login;
    private final StaffSessions sessions;
    private final ConsoleAudit audit;
    private final ConsolePages pages;
    private final boolean secureCookies;
    private final ThreadPoolExecutor executor;

    /**
     * @param secureCookies mark the session cookie Secure (browsers then send it only over HTTPS or to loopback)
     */
    public ConsoleServer(InetSocketAddress listen, HallView hall, ConsoleLink link, StaffLogin login,
                         StaffSessions sessions, ConsoleAudit audit, boolean secureCookies) throws IOException {
        this(listen, hall, link, login, sessions, audit, secureCookies, Optional.empty());
    }

    /**
     * @param tls HTTPS with this context (the console's own certificate and key, ADR 0153), else plain HTTP
     */
    public ConsoleServer(InetSocketAddress listen, HallView hall, ConsoleLink link, StaffLogin login,
                         StaffSessions sessions, ConsoleAudit audit, boolean secureCookies, Optional<SSLContext> tls)
            throws IOException {
        this.hall = hall;
        this.link = link;
        this.login = login;
        this.sessions = sessions;
        this.audit = audit;
        this.pages = new ConsolePages();
        this.secureCookies = secureCookies;
        if (tls.isPresent()) {
            HttpsServer https = HttpsServer.create(listen, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
            this.server = https;
        } else {
            this.server = HttpServer.create(listen, 64);
        }
        // one thread per request and per open live feed; bounded so a flood cannot exhaust the machine
        this.executor = new ThreadPoolExecutor(4, 200, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "console-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::route);
    }

    public void start() {
        server.start();
        log.info("console: listening on {}://{}:{}/", scheme(), server.getAddress().getHostString(), port());
    }

    public String scheme() {
        return server instanceof HttpsServer ? "https" : "http";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void route(HttpExchange x) throws IOException {
        try (x) {
            securityHeaders(x);
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            switch (method + " " + path) {
                case "GET /login" -> html(x, 200, pages.login(language(x), Optional.empty()));
                case "POST /login" -> login(x);
                case "GET /" -> page(x);
                case "GET /console.js" -> resource(x, "console.js", "text/javascript; charset=utf-8");
                case "GET /console.css" -> resource(x, "console.css", "text/css; charset=utf-8");
                case "GET /api/events" -> events(x);
                case "POST /logout" -> logout(x);
                case "POST /api/command" -> command(x);
                case "POST /api/help" -> help(x);
                case "GET /api/diagnostics" -> diagnostics(x);
                default -> text(x, 404, "not found");
            }
        } catch (RuntimeException e) {
            log.error("console: {} {} failed", x.getRequestMethod(), x.getRequestURI().getPath(), e);
            try {
                text(x, 500, "internal error");
            } catch (IOException | RuntimeException ignored) {
                // the answer had begun already
            }
        }
    }

    private static void securityHeaders(HttpExchange x) {
        var h = x.getResponseHeaders();
        h.set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "same-origin"); // no-referrer would make browsers send "Origin: null"
        h.set("Cache-Control", "no-store");
    }

    // --- login -------------------------------------------------------------------------------------------------

    private void login(HttpExchange x) throws IOException {
        if (!sameOrigin(x)) {
            text(x, 403, "cross-site request refused");
            return;
        }
        Map<String, String> form = form(x);
        String user = form.getOrDefault("user", "").strip();
        String lang = "en".equals(form.get("lang")) ? "en" : "zh";
        char[] password = form.getOrDefault("password", "").toCharArray();
        StaffLogin.Outcome outcome = login.login(user, password);
        java.util.Arrays.fill(password, '\0');
        String shownUser = user.length() > 32 ? user.substring(0, 32) : user;
        if (outcome instanceof StaffLogin.Outcome.LoggedIn in) {
            StaffSessions.Session s = sessions.start(in.staff());
            audit.record(in.staff().user(), in.staff().name(), "login", Map.of("role", in.staff().role()));
            x.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=" + s.id() + "; Path=/; HttpOnly; "
                    + "SameSite=Strict" + (secureCookies ? "; Secure" : ""));
            x.getResponseHeaders().add("Set-Cookie", "okc_lang=" + lang + "; Path=/; SameSite=Strict"
                    + (secureCookies ? "; Secure" : ""));
            redirect(x, "/");
        } else if (outcome instanceof StaffLogin.Outcome.LockedOut locked) {
            audit.record(shownUser, "", "login-locked-out", Map.of("until", locked.until().toString()));
            html(x, 429, pages.login(lang, Optional.of("login.locked")));
        } else {
            audit.record(shownUser, "", "login-refused", Map.of());
            html(x, 401, pages.login(lang, Optional.of("login.refused")));
        }
    }

    private void logout(HttpExchange x) throws IOException {
        Optional<StaffSessions.Session> s = action(x, false);
        if (s.isEmpty()) {
            return;
        }
        sessions.end(s.get().id());
        audit.record(s.get().staff().user(), s.get().staff().name(), "logout", Map.of());
        x.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secureCookies ? "; Secure" : ""));
        json(x, 200, FleetJson.MAPPER.createObjectNode().put("loggedOut", true));
    }

    private Optional<StaffSessions.Session> session(HttpExchange x) {
        return sessions.find(cookies(x).get(SESSION_COOKIE));
    }

    private void page(HttpExchange x) throws IOException {
        Optional<StaffSessions.Session> s = session(x);
        if (s.isEmpty()) {
            redirect(x, "/login" + ("en".equals(language(x)) ? "?lang=en" : ""));
            return;
        }
        html(x, 200, pages.console(language(x), s.get()));
    }

    // --- live feed ---------------------------------------------------------------------------------------------

    private void events(HttpExchange x) throws IOException {
        Optional<StaffSessions.Session> s = session(x);
        if (s.isEmpty()) {
            text(x, 401, "log in first");
            return;
        }
        BlockingQueue<HallView.Update> queue = new LinkedBlockingQueue<>(10_000);
        Consumer<HallView.Update> listener = u -> {
            if (!queue.offer(u)) {
                queue.clear(); // far behind: start again from a snapshot
                queue.offer(new HallView.Update("resync", FleetJson.MAPPER.createObjectNode()));
            }
        };
        x.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        x.sendResponseHeaders(200, 0);
        OutputStream out = x.getResponseBody();
        hall.addListener(listener);
        try {
            send(out, "snapshot", hall.snapshot());
            long lastCheck = System.nanoTime();
            while (true) {
                HallView.Update u = queue.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                if (u == null || System.nanoTime() - lastCheck > KEEP_ALIVE.toNanos()) {
                    lastCheck = System.nanoTime();
                    if (sessions.find(s.get().id()).isEmpty()) {
                        send(out, "logged-out", FleetJson.MAPPER.createObjectNode());
                        return;
                    }
                    out.write(": still here\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                if (u != null) {
                    send(out, u.event().equals("resync") ? "snapshot" : u.event(),
                            u.event().equals("resync") ? hall.snapshot() : u.data());
                }
            }
        } catch (IOException e) {
            // the browser went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hall.removeListener(listener);
        }
    }

    private static void send(OutputStream out, String event, JsonNode data) throws IOException {
        out.write(("event: " + event + "\ndata: " + FleetJson.MAPPER.writeValueAsString(data) + "\n\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    // --- actions -----------------------------------------------------------------------------------------------

    /**
     * The session of an action: logged in, same origin, the session's CSRF token in {@value #CSRF_HEADER}, and (when
     * {@code operator}) the operator role. Otherwise answers the refusal and returns empty.
     */
    private Optional<StaffSessions.Session> action(HttpExchange x, boolean operator) throws IOException {
        Optional<StaffSessions.Session> s = session(x);
        if (s.isEmpty()) {
            text(x, 401, "log in first");
            return Optional.empty();
        }
        if (!sameOrigin(x) || !s.get().csrfMatches(x.getRequestHeaders().getFirst(CSRF_HEADER))) {
            audit.record(s.get().staff().user(), s.get().staff().name(), "refused-without-csrf-token",
                    Map.of("path", x.getRequestURI().getPath()));
            text(x, 403, "refused: the request did not come from the console page (CSRF token missing or wrong)");
            return Optional.empty();
        }
        if (operator && !s.get().staff().operator()) {
            audit.record(s.get().staff().user(), s.get().staff().name(), "refused-viewer",
                    Map.of("path", x.getRequestURI().getPath()));
            text(x, 403, "refused: your account may view the hall but not send commands (role viewer)");
            return Optional.empty();
        }
        return s;
    }

    private void command(HttpExchange x) throws IOException {
        Optional<StaffSessions.Session> s = action(x, true);
        if (s.isEmpty()) {
            return;
        }
        JsonNode body = body(x);
        String target = body.path("target").asText("");
        String command = body.path("command").asText("");
        Map<String, String> args = new TreeMap<>();
        body.path("args").fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue().asText()));
        if (!TARGET.matcher(target).matches() || !ACTIONS.contains(command)) {
            text(x, 400, "target must be REGION/HALL/KIOSK and command one of " + new java.util.TreeSet<>(ACTIONS));
            return;
        }
        send(x, s.get().staff(), target, command, args);
    }

    private void help(HttpExchange x) throws IOException {
        Optional<StaffSessions.Session> s = action(x, true);
        if (s.isEmpty()) {
            return;
        }
        JsonNode body = body(x);
        String target = body.path("target").asText("");
        String call = body.path("call").asText("");
        String state = body.path("state").asText("");
        if (!TARGET.matcher(target).matches() || !call.matches("help-[0-9a-f-]{36}")
                || !Set.of(HelpCalls.ACKNOWLEDGED, HelpCalls.DONE).contains(state)) {
            text(x, 400, "target, call and state (acknowledged or done) are needed");
            return;
        }
        send(x, s.get().staff(), target, CommandProcessor.HELP_CALL, Map.of("call", call, "state", state));
    }

    /** The diagnostics bundle of a command: operators only, audited. */
    private void diagnostics(HttpExchange x) throws IOException {
        Optional<StaffSessions.Session> s = session(x);
        if (s.isEmpty()) {
            text(x, 401, "log in first");
            return;
        }
        if (!s.get().staff().operator()) {
            text(x, 403, "refused: diagnostics are for operators");
            return;
        }
        String query = Optional.ofNullable(x.getRequestURI().getRawQuery()).orElse("");
        String id = query.startsWith("id=") ? query.substring(3) : "";
        if (!id.matches("[A-Za-z0-9._-]{8,64}")) {
            text(x, 400, "id=COMMAND-ID is needed");
            return;
        }
        Optional<byte[]> bundle = link.diagnostics(id);
        if (bundle.isEmpty()) {
            text(x, 404, "no complete diagnostics bundle for " + id + " (yet)");
            return;
        }
        audit.record(s.get().staff().user(), s.get().staff().name(), "diagnostics-download", Map.of("command", id));
        x.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"diagnostics-" + id + ".zip\"");
        write(x, 200, "application/zip", bundle.get());
    }

    /** Audits, signs and sends; answers with the kiosk's reply (or 504 when none came in time). */
    private void send(HttpExchange x, StaffAccount staff, String target, String command, Map<String, String> args)
            throws IOException {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("target", target);
        details.put("command", command);
        args.forEach((k, v) -> details.put("arg." + k, v));
        audit.record(staff.user(), staff.name(), "command", details);
        hall.note(target, "command", staff.name() + ": " + command + (args.isEmpty() ? "" : " " + args));
        ObjectNode answer = FleetJson.MAPPER.createObjectNode();
        try {
            JsonNode reply = link.send(target, command, args, REPLY_TIMEOUT).get();
            answer.put("id", reply.path("id").asText());
            answer.put("outcome", reply.path("outcome").asText());
            if (reply.path("data").has("chunks")) {
                answer.put("download", "/api/diagnostics?id=" + reply.path("id").asText());
            }
            answer.put("reason", reply.path("reason").asText());
            if (reply.hasNonNull("code")) {
                answer.put("code", reply.path("code").asText());
            }
            if (reply.has("problems")) {
                answer.set("problems", reply.get("problems"));
            }
            details.put("outcome", reply.path("outcome").asText());
            audit.record(staff.user(), staff.name(), "command-reply", details);
            json(x, 200, answer);
        } catch (ExecutionException e) {
            boolean timeout = e.getCause() instanceof TimeoutException;
            details.put("outcome", timeout ? "no-reply" : "not-sent");
            audit.record(staff.user(), staff.name(), "command-reply", details);
            answer.put("outcome", timeout ? "no-reply" : "not-sent");
            answer.put("reason", timeout ? "no reply within " + REPLY_TIMEOUT.toSeconds() + " s (kiosk offline?)"
                    : "the broker did not take the command: " + e.getCause().getMessage());
            json(x, 504, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            text(x, 503, "shutting down");
        }
    }

    // --- HTTP helpers ------------------------------------------------------------------------------------------

    /** A state-changing request must come from this console's own pages (Origin, or failing that Referer). */
    private static boolean sameOrigin(HttpExchange x) {
        String host = x.getRequestHeaders().getFirst("Host");
        String origin = x.getRequestHeaders().getFirst("Origin");
        if (origin == null) {
            String referer = x.getRequestHeaders().getFirst("Referer");
            return referer == null || host != null && (referer.startsWith("http://" + host + "/")
                    || referer.startsWith("https://" + host + "/"));
        }
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    private static String language(HttpExchange x) {
        String query = x.getRequestURI().getRawQuery();
        if (query != null && query.contains("lang=en")) {
            return "en";
        }
        if (query != null && query.contains("lang=zh")) {
            return "zh";
        }
        return "en".equals(cookies(x).get("okc_lang")) ? "en" : "zh";
    }

    static Map<String, String> cookies(HttpExchange x) {
        Map<String, String> cookies = new HashMap<>();
        for (String header : x.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    cookies.putIfAbsent(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
                }
            }
        }
        return cookies;
    }

    private static byte[] read(HttpExchange x) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new IOException("request body over " + MAX_BODY + " bytes");
            }
            return bytes;
        }
    }

    private static Map<String, String> form(HttpExchange x) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(read(x), StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static JsonNode body(HttpExchange x) throws IOException {
        try {
            JsonNode n = FleetJson.MAPPER.readTree(read(x));
            return n == null ? FleetJson.MAPPER.createObjectNode() : n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return FleetJson.MAPPER.createObjectNode();
        }
    }

    private void resource(HttpExchange x, String name, String type) throws IOException {
        byte[] bytes = pages.resource(name);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(200, bytes.length);
        x.getResponseBody().write(bytes);
    }

    private static void redirect(HttpExchange x, String location) throws IOException {
        x.getResponseHeaders().set("Location", location);
        x.sendResponseHeaders(303, -1);
    }

    private static void html(HttpExchange x, int status, String html) throws IOException {
        write(x, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void text(HttpExchange x, int status, String text) throws IOException {
        write(x, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void json(HttpExchange x, int status, JsonNode json) throws IOException {
        write(x, status, "application/json", FleetJson.bytes(json));
    }

    private static void write(HttpExchange x, int status, String type, byte[] bytes) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
