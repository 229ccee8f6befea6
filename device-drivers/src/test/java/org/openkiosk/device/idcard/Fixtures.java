package org.openkiosk.device.idcard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** The shared GA 467 fixture: a complete 1295-byte 30 01 reply for the fictional 测试. */
final class Fixtures {

    private Fixtures() {}

    static byte[] readReply() {
        try (InputStream in = Fixtures.class.getResourceAsStream("ga467-read-30-01-response.hex")) {
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s", "");
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }
}
