package org.openkiosk.app.store.journal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.openkiosk.app.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consistent copy of the journal while the kiosk runs (ADR 0164). The running kiosk holds the journal's H2 file
 * exclusively; it answers on a Unix socket {@value #SOCKET_FILE} in the data directory (owner-only, like the
 * journal itself) with an H2 online backup ({@code BACKUP TO}, transactionally consistent), and a tool such as
 * {@code ./kiosk audit verify --journal} opens that copy and checks it with its own key and head. The kiosk only
 * copies; it never judges its own journal.
 */
public final class JournalSnapshots implements AutoCloseable {

    /** The socket's name under the data directory. */
    public static final String SOCKET_FILE = "kiosk-journal.sock";
    private static final String REQUEST = "snapshot\n";

    private static final Logger log = LoggerFactory.getLogger(JournalSnapshots.class);

    private final Store journal;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread thread;
    private volatile boolean closed;

    private JournalSnapshots(Store journal, Path socket, ServerSocketChannel server) {
        this.journal = journal;
        this.socket = socket;
        this.server = server;
        this.thread = new Thread(this::serve, "journal-snapshots");
        thread.setDaemon(true);
    }

    /**
     * Answers snapshot requests for {@code journal} on {@code dataDir/}{@value #SOCKET_FILE} until closed. A socket
     * file left by a killed kiosk is replaced.
     */
    public static JournalSnapshots serve(Store journal, Path dataDir) throws IOException {
        Path socket = dataDir.toAbsolutePath().resolve(SOCKET_FILE);
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        JournalSnapshots snapshots = new JournalSnapshots(journal, socket, server);
        snapshots.thread.start();
        return snapshots;
    }

    private void serve() {
        while (!closed) {
            try (SocketChannel client = server.accept()) {
                answer(client);
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    log.warn("a journal snapshot request failed: {}", e.toString());
                }
            }
        }
    }

    private void answer(SocketChannel client) throws IOException {
        ByteBuffer request = ByteBuffer.allocate(REQUEST.length());
        while (request.hasRemaining() && client.read(request) >= 0) {
            // read the fixed-size request
        }
        if (!REQUEST.equals(new String(request.array(), 0, request.position(), StandardCharsets.US_ASCII))) {
            return; // not ours: close without an answer
        }
        Path zip = Files.createTempFile(socket.getParent(), ".kiosk-journal-snapshot", ".zip");
        try {
            Files.delete(zip); // BACKUP TO creates it
            journal.inTransaction(c -> {
                try (var backup = c.prepareStatement("BACKUP TO ?")) {
                    backup.setString(1, zip.toString());
                    backup.execute();
                }
                return null;
            });
            try (InputStream in = Files.newInputStream(zip); OutputStream out = Channels.newOutputStream(client)) {
                in.transferTo(out);
            }
            log.info("journal snapshot sent ({} bytes)", Files.size(zip));
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    /**
     * Asks the running kiosk for a snapshot and unpacks it into {@code into}; empty when no kiosk answers on the
     * socket (none runs, or one was killed and left the socket file behind).
     *
     * @return the snapshot's H2 file name without {@code .mv.db}, to open as an embedded store
     */
    public static Optional<Path> fetch(Path dataDir, Path into) throws IOException {
        Path socket = dataDir.toAbsolutePath().resolve(SOCKET_FILE);
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return Optional.empty(); // a socket file without a kiosk behind it
        }
        Path zip = into.resolve("kiosk-journal-snapshot.zip");
        try (channel) {
            channel.write(ByteBuffer.wrap(REQUEST.getBytes(StandardCharsets.US_ASCII)));
            try (InputStream in = Channels.newInputStream(channel)) {
                Files.copy(in, zip, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path base = into.resolve(JournalForwarding.JOURNAL_FILE);
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                if (e.getName().endsWith(".mv.db")) {
                    Files.copy(entries, base.resolveSibling(JournalForwarding.JOURNAL_FILE + ".mv.db"),
                            StandardCopyOption.REPLACE_EXISTING);
                    return Optional.of(base);
                }
            }
        } finally {
            Files.deleteIfExists(zip);
        }
        throw new IOException("the running kiosk's journal snapshot holds no .mv.db file (the kiosk could not copy"
                + " its journal; see its log)");
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // a stale socket file is replaced at the next start
        }
    }
}
