package org.openkiosk.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.config.ConsoleStaffFile;
import org.openkiosk.app.config.ConsoleStaffFile.StaffAccount;
import org.openkiosk.app.config.TlsMaterial;
import org.openkiosk.app.fleet.command.CommandSigner;
import org.openkiosk.testsupport.MosquittoBroker;
import org.openkiosk.testsupport.RequiredTool;

/**
 * The console's own HTTPS (ADR 0153) with a certificate made by the openssl command line, spoken to by the JDK's
 * HTTPS client that trusts only that certificate: the login page, a login whose cookie is Secure, the console page
 * with it; a client that does not trust the certificate and a plain-HTTP client get nothing.
 */
class ConsoleTlsTest {

    @TempDir
    Path tmp;

    @Test
    void theConsoleServesHttpsWithItsOwnCertificate() throws Exception {
        RequiredTool.command("openssl", "openssl");
        Path cert = tmp.resolve("console.crt");
        Path key = tmp.resolve("console.key");
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=duty-desk console",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        try (MosquittoBroker broker = MosquittoBroker.in(tmp.resolve("broker")).start()) {
            var keys = CertificateKeys.generate(tmp.resolve("operators"), "console-tls", "test");
            var mqtt = MqttClient.builder().useMqttVersion5().identifier("console-tls").serverHost("127.0.0.1")
                    .serverPort(broker.port());
            List<StaffAccount> staff = List.of(new StaffAccount("wang.fang", "王芳", ConsoleStaffFile.OPERATOR,
                    PasswordHash.hash("duty-desk-password".toCharArray(), 1000)));
            try (OperatorConsole console = OperatorConsole.start(mqtt, new InetSocketAddress("127.0.0.1", 0), staff,
                    new CommandSigner(keys.getPrivate(), "console-tls"),
                    OperatorConsole.StateFiles.beside(tmp.resolve("console-audit.jsonl")),
                    Optional.of(OperatorConsole.serverTls(cert, key)), Clock.systemUTC())) {
                assertThat(console.scheme()).isEqualTo("https");
                String base = "https://127.0.0.1:" + console.port();
                SSLContext trustsTheConsole = SSLContext.getInstance("TLS");
                trustsTheConsole.init(null, TlsMaterial.trust(cert).getTrustManagers(), null);
                HttpClient client = HttpClient.newBuilder().sslContext(trustsTheConsole)
                        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

                HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("id=\"password\"");

                String form = "user=wang.fang&password=" + URLEncoder.encode("duty-desk-password", StandardCharsets.UTF_8);
                HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(login.statusCode()).isBetween(300, 399);
                String cookie = login.headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith(ConsoleServer.SESSION_COOKIE + "=")).findFirst().orElseThrow();
                assertThat(cookie).contains("; Secure").contains("HttpOnly").contains("SameSite=Strict");

                HttpResponse<String> home = client.send(HttpRequest.newBuilder(URI.create(base + "/"))
                        .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(home.statusCode()).isEqualTo(200);
                assertThat(home.body()).contains("csrf-token").contains("王芳");

                HttpClient trustsNobodyHere = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                assertThatThrownBy(() -> trustsNobodyHere.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
                assertThatThrownBy(() -> trustsNobodyHere.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + console.port() + "/login")).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
            }
        }
        assertThat(Files.readString(tmp.resolve("console-audit.jsonl"))).contains("\"action\":\"login\"");
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
