package org.openkiosk.app.console;

import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.openkiosk.app.config.TlsMaterial;
import org.openkiosk.app.config.ConsoleStaffFile.StaffAccount;
import org.openkiosk.app.fleet.command.CommandSigner;

/** The operator console wired: the hall view fed by the broker, the staff login and the web server. */
public final class OperatorConsole implements AutoCloseable {

    private final HallView hall;
    private final ConsoleLink link;
    private final ConsoleServer server;

    private OperatorConsole(HallView hall, ConsoleLink link, ConsoleServer server) {
        this.hall = hall;
        this.link = link;
        this.server = server;
    }

    /**
     * @param broker the operator's MQTT client (address, TLS, credentials), not yet built
     * @param signer the console's operator key, which the kiosks list in {@code fleet.operatorKeys}
     */
    public static OperatorConsole start(Mqtt5ClientBuilder broker, InetSocketAddress listen, List<StaffAccount> staff,
                                        CommandSigner signer, Path auditFile, Clock clock) throws IOException {
        return start(broker, listen, staff, signer, StateFiles.beside(auditFile), Optional.empty(), clock);
    }

    /**
     * Where the console keeps what outlives it: the hash-chained audit log, its key (and {@code AUDIT.head}
     * beside it) and the lock-outs (ADR 0153). Sessions stay in memory.
     */
    public record StateFiles(Path audit, Path auditKey, Path lockOuts) {
        public static final String LOCK_OUT_FILE = "console-lockouts.json";

        /** The key and the lock-outs in the audit log's directory. */
        public static StateFiles beside(Path audit) {
            return new StateFiles(audit, ConsoleAudit.defaultKeyFile(audit), audit.resolveSibling(LOCK_OUT_FILE));
        }
    }

    /**
     * The console's own HTTPS: its certificate chain and PKCS#8 key as PEM files, loaded the way the kiosks load
     * their client certificates ({@link TlsMaterial#key}).
     */
    public static SSLContext serverTls(Path certificate, Path key) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(TlsMaterial.key(certificate, key).getKeyManagers(), null, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot serve HTTPS with " + certificate + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param tls HTTPS with this server context (the console's own certificate), else plain HTTP
     */
    public static OperatorConsole start(Mqtt5ClientBuilder broker, InetSocketAddress listen, List<StaffAccount> staff,
                                        CommandSigner signer, StateFiles files, Optional<SSLContext> tls, Clock clock)
            throws IOException {
        HallView hall = new HallView(clock);
        ConsoleLink link = ConsoleLink.start(broker, hall, signer, clock, Duration.ofSeconds(15));
        try {
            ConsoleServer server = new ConsoleServer(listen, hall, link,
                    new StaffLogin(staff, clock, Optional.of(files.lockOuts())), new StaffSessions(clock),
                    new ConsoleAudit(files.audit(), files.auditKey(), clock), true, tls);
            server.start();
            return new OperatorConsole(hall, link, server);
        } catch (IOException | RuntimeException e) {
            link.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    /** {@code https} with TLS, else {@code http}. */
    public String scheme() {
        return server.scheme();
    }

    public HallView hall() {
        return hall;
    }

    public boolean linked() {
        return link.connected();
    }

    @Override
    public void close() {
        server.close();
        link.close();
    }
}
