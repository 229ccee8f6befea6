package org.openkiosk.device.transport;

/** Opens the byte pipe a URI names: {@code serial:}, {@code tcp://} or {@code usblp:}. */
public final class Transports {

    private Transports() {}

    /** Creates the transport (not yet opened); the message names the URI when the scheme has no byte pipe. */
    public static Transport create(TransportUri uri) {
        return switch (uri.scheme()) {
            case "tcp" -> new TcpTransport(uri);
            case "usblp" -> new UsbLpTransport(uri);
            case "serial" -> new SerialTransport(uri);
            default -> throw new IllegalArgumentException("\"" + uri + "\" is not a byte-pipe transport "
                    + "(expected serial:PATH, tcp://HOST:PORT or usblp:PATH)");
        };
    }

    /** Creates and opens the transport. */
    public static Transport open(TransportUri uri) throws java.io.IOException {
        Transport transport = create(uri);
        transport.open();
        return transport;
    }
}
