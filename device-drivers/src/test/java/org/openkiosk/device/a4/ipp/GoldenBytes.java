package org.openkiosk.device.a4.ipp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a hand-written byte fixture: hex byte pairs, {@code "quoted ASCII"} and {@code #} comments to the end
 * of the line, so each field of a message can be written and checked against RFC 8010 by eye.
 */
public final class GoldenBytes {

    private GoldenBytes() {}

    public static byte[] load(String resource) {
        try (InputStream in = GoldenBytes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] resource(String resource) {
        try (InputStream in = GoldenBytes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] parse(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : text.split("\n")) {
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == '#') {
                    break;
                } else if (c == '"') {
                    int close = line.indexOf('"', i + 1);
                    out.writeBytes(line.substring(i + 1, close).getBytes(StandardCharsets.US_ASCII));
                    i = close + 1;
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else {
                    out.write(Integer.parseInt(line.substring(i, i + 2), 16));
                    i += 2;
                }
            }
        }
        return out.toByteArray();
    }
}
