package org.openkiosk.device.scanner;

import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Map;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.DeviceStatistics;
import org.openkiosk.device.HealthStatus;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.transport.DisconnectedException;
import org.openkiosk.device.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scanner on a serial line (or TCP) that sends each code followed by a terminator (CR by default). A reader
 * thread runs while the device is enabled; a vanished link is reopened every second until it is back.
 *
 * <p>Options: {@code terminator} = any (CR or LF, default) | cr | lf; {@code charset} = UTF-8 (default) | GB18030;
 * {@code maxLength} (default 4096) — longer input without a terminator is discarded as noise.
 */
public final class SerialScanner extends ScannerDevice {

    private static final Logger log = LoggerFactory.getLogger(SerialScanner.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RECONNECT_EVERY = Duration.ofSeconds(1);

    private final Transport transport;
    private final String terminators;
    private final Charset charset;
    private final int maxLength;
    private volatile Thread reader;
    private volatile boolean reading;

    public SerialScanner(String logicalName, Transport transport, Map<String, String> options) {
        super(logicalName);
        this.transport = transport;
        this.terminators = switch (options.getOrDefault("terminator", "any").toLowerCase(java.util.Locale.ROOT)) {
            case "any" -> "\r\n";
            case "cr" -> "\r";
            case "lf" -> "\n";
            default -> throw new IllegalArgumentException("option terminator must be any, cr or lf, got \"" + options.get("terminator") + "\"");
        };
        try {
            this.charset = Charset.forName(options.getOrDefault("charset", "UTF-8"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown charset \"" + options.get("charset") + "\"", e);
        }
        try {
            this.maxLength = Integer.parseInt(options.getOrDefault("maxLength", "4096"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option maxLength must be a number, got \"" + options.get("maxLength") + "\"", e);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("option maxLength must be 1 or more, got " + maxLength);
        }
    }

    public SerialScanner(String logicalName, Transport transport) {
        this(logicalName, transport, Map.of());
    }

    @Override
    public String description() {
        return "serial-scanner over " + transport.describe();
    }

    @Override
    protected void doOpen() throws DeviceException {
        try {
            transport.open();
        } catch (IOException e) {
            throw new DeviceException(logicalName() + ": cannot open " + transport.describe() + ": " + e.getMessage(),
                    RecommendedAction.RECONNECT, true, e);
        }
    }

    @Override
    protected void doEnable() {
        reading = true;
        Thread t = new Thread(this::readLoop, "scanner " + logicalName());
        t.setDaemon(true);
        reader = t;
        t.start();
    }

    @Override
    protected void doDisable() {
        super.doDisable();
        reading = false;
        Thread t = reader;
        reader = null;
        if (t != null) {
            try {
                t.join(POLL.toMillis() * 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    protected void doClose() {
        transport.close();
        closeCompanions();
    }

    private void readLoop() {
        ScanLineFramer code = new ScanLineFramer(terminators, charset, maxLength);
        byte[] chunk = new byte[256];
        while (reading) {
            try {
                if (!transport.isOpen()) {
                    reconnect();
                    continue;
                }
                int n = transport.read(chunk, 0, chunk.length, POLL);
                code.feed(chunk, 0, n).forEach(this::deliver);
                code.takeProblems().forEach(problem -> log.warn("{}: {}", logicalName(), problem));
                int overflows = code.takeOverflows();
                if (overflows > 0) {
                    log.warn("{}: {} run(s) of more than {} bytes without a terminator; discarded", logicalName(), overflows, maxLength);
                }
            } catch (DisconnectedException e) {
                transport.close();
                code.reset();
                updateHealth(HealthStatus.offline("scanner disconnected: " + e.getMessage(), RecommendedAction.RECONNECT));
            } catch (IOException e) {
                code.reset();
                reportError(new DeviceException(logicalName() + ": read failed: " + e.getMessage(), RecommendedAction.RETRY, true, e));
                pause(POLL);
            }
        }
    }

    private void reconnect() {
        try {
            transport.open();
            statistics().increment(DeviceStatistics.RECONNECTS);
            updateHealth(HealthStatus.online("reconnected"));
        } catch (IOException e) {
            pause(RECONNECT_EVERY);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
