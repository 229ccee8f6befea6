package org.openkiosk.device.idcard.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openkiosk.device.transport.PseudoTerminal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running simulated ID card reader for {@code ./kiosk simulate idcard}: on a fresh pseudo-terminal (the path a
 * driver opens) or on a loopback TCP port (one simulator per connection). {@link #close()} unplugs it.
 */
public final class IdCardSimulatorServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdCardSimulatorServer.class);

    private final PseudoTerminal pty;
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<IdCardReaderSimulator> simulators = new CopyOnWriteArrayList<>();
    private final List<SimulatorSocketLink> connections = new CopyOnWriteArrayList<>();

    private IdCardSimulatorServer(PseudoTerminal pty, ServerSocket server, Thread acceptor) {
        this.pty = pty;
        this.server = server;
        this.acceptor = acceptor;
    }

    /** On a new pty; {@code link} (optional) becomes a symbolic link to its slave. */
    public static IdCardSimulatorServer onPty(java.nio.file.Path link, SimScenario scenario, SyntheticCard card, int pacingBaud)
            throws IOException {
        PseudoTerminal pty = PseudoTerminal.open(link);
        IdCardSimulatorServer s = new IdCardSimulatorServer(pty, null, null);
        s.simulators.add(new IdCardReaderSimulator(pty.master(), scenario, card).pacedAt(pacingBaud).start());
        return s;
    }

    /** On {@code 127.0.0.1:port} (0 = any free port). */
    public static IdCardSimulatorServer onTcp(int port, SimScenario scenario, SyntheticCard card, int pacingBaud) throws IOException {
        ServerSocket server = new ServerSocket(port, 4, InetAddress.getLoopbackAddress());
        IdCardSimulatorServer[] self = new IdCardSimulatorServer[1];
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    SimulatorSocketLink link = new SimulatorSocketLink(socket);
                    self[0].connections.add(link);
                    self[0].simulators.add(new IdCardReaderSimulator(link, scenario, card).pacedAt(pacingBaud).start());
                } catch (SocketException closed) {
                    return;
                } catch (IOException e) {
                    log.warn("simulator: accept failed: {}", e.getMessage());
                }
            }
        }, "idcard-sim-accept");
        acceptor.setDaemon(true);
        self[0] = new IdCardSimulatorServer(null, server, acceptor);
        acceptor.start();
        return self[0];
    }

    /** What a driver opens: the pty path, or {@code tcp://127.0.0.1:PORT}. */
    public String address() {
        return pty != null ? pty.slavePath() : "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** The simulators serving now (one for a pty, one per connection for TCP). */
    public List<IdCardReaderSimulator> simulators() {
        return List.copyOf(simulators);
    }

    @Override
    public void close() {
        simulators.forEach(IdCardReaderSimulator::close);
        connections.forEach(SimulatorSocketLink::close);
        if (pty != null) {
            pty.close();
        }
        if (server != null) {
            try {
                server.close();
                acceptor.join(2000);
            } catch (IOException ignored) {
                // closing is best effort
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
