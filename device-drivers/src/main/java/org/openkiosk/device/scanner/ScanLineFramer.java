package org.openkiosk.device.scanner;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the byte stream of a serial scanner into codes: a code ends at a terminator byte; empty codes (CR LF)
 * are dropped; more than {@code maxLength} bytes without a terminator are noise (a scanner in the wrong mode,
 * a floating line) and are discarded, counted in {@link #takeOverflows()}; a code that is not valid in the
 * configured charset (a scanner set to another code page, line noise) is refused rather than handed on with
 * replacement characters, and {@link #takeProblems()} says where — never what, as a code may be citizen data.
 */
final class ScanLineFramer {

    private final String terminators;
    private final Charset charset;
    private final int maxLength;
    private final ByteArrayOutputStream code = new ByteArrayOutputStream();
    private int overflows;
    private long streamOffset;
    private final List<String> problems = new ArrayList<>();

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
        for (int i = offset; i < offset + length; i++, streamOffset++) {
            char c = (char) (bytes[i] & 0xFF);
            if (terminators.indexOf(c) >= 0) {
                if (code.size() > 0) {
                    decode().ifPresent(codes::add);
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

    private java.util.Optional<String> decode() {
        byte[] raw = code.toByteArray();
        try {
            return java.util.Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString());
        } catch (CharacterCodingException e) {
            long start = streamOffset - raw.length;
            problems.add("code of " + raw.length + " bytes at stream bytes " + start + "-" + (streamOffset - 1)
                    + ": expected " + charset.name() + " text, found bytes that are not; refused");
            return java.util.Optional.empty();
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }

    /** What was refused since the last call, located in the stream. */
    List<String> takeProblems() {
        List<String> taken = List.copyOf(problems);
        problems.clear();
        return taken;
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
