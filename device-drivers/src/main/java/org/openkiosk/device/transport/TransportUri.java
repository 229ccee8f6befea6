package org.openkiosk.device.transport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Where a device is attached, as written in configuration:
 * <ul>
 *   <li>{@code serial:/dev/ttyUSB0?baud=115200&parity=none} — any serial path, USB-serial adapters and ptys</li>
 *   <li>{@code tcp://10.1.2.3:9100} — raw TCP (ESC/POS printers)</li>
 *   <li>{@code usblp:/dev/usb/lp0} — USB printer-class device file</li>
 *   <li>{@code cups:QUEUE} — an A4 printer queue of the OS print system</li>
 *   <li>{@code sane:DEVICE} — a SANE document scanner, e.g. {@code sane:test}</li>
 *   <li>{@code wedge:} — a keyboard-wedge (USB HID) scanner whose keystrokes reach the UI</li>
 *   <li>{@code sdtapi:/path/lib.so?port=1001} — a reader that only ships a vendor library</li>
 *   <li>{@code v4l2:/dev/video0} — a camera (face verification; see ADR 0113 for the capture seam)</li>
 *   <li>{@code sim:} or {@code sim:SCENARIO} — the wire-level simulator of the device class</li>
 * </ul>
 */
public record TransportUri(String scheme, String target, Map<String, String> parameters) {

    public static final Set<String> SCHEMES = Set.of("serial", "tcp", "usblp", "cups", "sane", "wedge", "sdtapi", "v4l2", "sim");

    public TransportUri {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(target, "target");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Parses a transport URI; the message of the exception says what is wrong and what is expected. */
    public static TransportUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty transport URI (expected e.g. serial:/dev/ttyUSB0?baud=115200)");
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("transport URI \"" + text + "\" has no scheme (known: " + knownSchemes() + ")");
        }
        String scheme = text.substring(0, colon);
        if (!SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("unknown transport scheme \"" + scheme + "\" (known: " + knownSchemes() + ")");
        }
        String rest = text.substring(colon + 1);
        Map<String, String> parameters = new LinkedHashMap<>();
        int question = rest.indexOf('?');
        if (question >= 0) {
            for (String pair : rest.substring(question + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                parameters.put(key, value);
            }
            rest = rest.substring(0, question);
        }
        if (scheme.equals("tcp")) {
            if (!rest.startsWith("//")) {
                throw new IllegalArgumentException("tcp URI must look like tcp://HOST:PORT, got \"" + text + "\"");
            }
            rest = rest.substring(2);
            int portColon = rest.lastIndexOf(':');
            if (portColon <= 0) {
                throw new IllegalArgumentException("tcp URI needs a port, e.g. tcp://10.1.2.3:9100, got \"" + text + "\"");
            }
            parsePort(rest.substring(portColon + 1), text);
        }
        boolean needsTarget = switch (scheme) {
            case "serial", "tcp", "usblp", "cups", "sane", "sdtapi" -> true;
            default -> false;
        };
        if (needsTarget && rest.isEmpty()) {
            throw new IllegalArgumentException(scheme + " URI needs a target, e.g. " + example(scheme));
        }
        TransportUri uri = new TransportUri(scheme, rest, parameters);
        uri.intParameter("baud").ifPresent(b -> {
            if (b <= 0) {
                throw new IllegalArgumentException("baud must be positive, got " + b);
            }
        });
        return uri;
    }

    /** For {@code tcp:} URIs: the host part. */
    public String host() {
        return target.substring(0, target.lastIndexOf(':'));
    }

    /** For {@code tcp:} URIs: the port. */
    public int port() {
        return parsePort(target.substring(target.lastIndexOf(':') + 1), toString());
    }

    public String parameter(String name, String fallback) {
        return parameters.getOrDefault(name, fallback);
    }

    public OptionalInt intParameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " must be a number, got \"" + value + "\"");
        }
    }

    public boolean isSimulator() {
        return scheme.equals("sim");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(scheme).append(':');
        if (scheme.equals("tcp")) {
            sb.append("//");
        }
        sb.append(target);
        if (!parameters.isEmpty()) {
            sb.append('?');
            parameters.forEach((k, v) -> sb.append(k).append('=').append(v).append('&'));
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    private static int parsePort(String port, String text) {
        try {
            int value = Integer.parseInt(port);
            if (value < 1 || value > 65535) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad TCP port \"" + port + "\" in \"" + text + "\" (1–65535)");
        }
    }

    private static String knownSchemes() {
        return String.join(", ", new java.util.TreeSet<>(SCHEMES));
    }

    private static String example(String scheme) {
        return switch (scheme) {
            case "serial" -> "serial:/dev/ttyUSB0?baud=115200";
            case "tcp" -> "tcp://10.1.2.3:9100";
            case "usblp" -> "usblp:/dev/usb/lp0";
            case "cups" -> "cups:kioskA4";
            case "sane" -> "sane:test";
            case "sdtapi" -> "sdtapi:/opt/reader/libsdtapi.so?port=1001";
            default -> scheme + ":";
        };
    }
}
