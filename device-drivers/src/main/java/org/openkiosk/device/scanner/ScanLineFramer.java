package org.openkiosk.device.scanner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the byte stream of a serial scanner into codes: a code ends at a terminator byte; empty codes (CR LF)
 * are dropped; more than {@code maxLength} bytes without a terminator are noise (a scanner in the wrong mode,
 * a floating line) and are discarded, counted in {@link #takeOverflows()}.
 */
final class ScanLineFramer {

    private final String terminators;
    private final Charset charset;
    private final int maxLength;
    private final ByteArrayOutputStream code = new ByteArrayOutputStream();
    private int overflows;

    ScanLineFramer(String terminators, Charset charset, int maxLength) {
        if (terminators.isEmpty() || maxLength < 1) {
            throw new IllegalArgumentException("a scanner needs a terminator and a maximum code length of 1 or more");
        }
        this.terminators = terminators;
        this.charset = charset;
        this.maxLength = maxLength;
    }

    /** The codes completed by these bytes, in order. */
    List<String> feed(byte[] bytes, int offset, int length) {
        List<String> codes = new ArrayList<>();
        for (int i = offset; i < offset + length; i++) {
            char c = (char) (bytes[i] & 0xFF);
            if (terminators.indexOf(c) >= 0) {
                if (code.size() > 0) {
                    codes.add(new String(code.toByteArray(), charset));
                    code.reset();
                }
            } else if (code.size() >= maxLength) {
                overflows++;
                code.reset();
            } else {
                code.write(bytes[i]);
            }
        }
        return codes;
    }

    /** Drops a partial code (the link was lost or failed). */
    void reset() {
        code.reset();
    }

    /** How many over-long runs were discarded since the last call. */
    int takeOverflows() {
        int n = overflows;
        overflows = 0;
        return n;
    }

    int maxLength() {
        return maxLength;
    }
}
