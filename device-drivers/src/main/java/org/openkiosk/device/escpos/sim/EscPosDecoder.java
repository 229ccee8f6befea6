package org.openkiosk.device.escpos.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openkiosk.device.escpos.EscPosProtocolException;
import org.openkiosk.device.escpos.MonochromeBitmap;
import org.openkiosk.device.escpos.ResidentFont;

/**
 * Splits an ESC/POS byte stream into tokens, incrementally: feed bytes as they arrive, take tokens while
 * complete ones are buffered. Unknown or malformed commands raise {@link EscPosProtocolException}; the decoder
 * then skips the offending byte, so a caller can log and go on.
 */
public final class EscPosDecoder {

    /** Upper bound of one raster band, so garbage cannot make the decoder wait for megabytes. */
    public static final int MAX_RASTER_BYTES = 256 * 1024;

    private byte[] buffer = new byte[1024];
    private int start;
    private int end;
    private byte[] lastRaw = new byte[0];
    /** Position in the whole fed stream of {@code buffer[start]}, for located error messages. */
    private long streamOffset;

    public void feed(byte[] data, int offset, int length) {
        if (end + length > buffer.length) {
            int live = end - start;
            byte[] next = live + length > buffer.length ? new byte[Math.max(buffer.length * 2, live + length)] : buffer;
            System.arraycopy(buffer, start, next, 0, live);
            buffer = next;
            start = 0;
            end = live;
        }
        System.arraycopy(data, offset, buffer, end, length);
        end += length;
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /** The raw bytes of the token last returned by {@link #next()}. */
    public byte[] lastRaw() {
        return lastRaw.clone();
    }

    /** Bytes buffered but not yet part of a complete token. */
    public int pending() {
        return end - start;
    }

    /**
     * The next complete token, or empty when more bytes are needed. A text run is returned once a byte
     * after it arrived (or at {@link #finish()}), so a run is never split inside a character.
     */
    public Optional<EscPosToken> next() throws EscPosProtocolException {
        if (start == end) {
            return Optional.empty();
        }
        int b = at(0);
        int consumed;
        EscPosToken token;
        try {
            if (b >= 0x20) {
                int n = 0;
                while (start + n < end && at(n) >= 0x20) {
                    n++;
                }
                if (start + n == end) {
                    return Optional.empty();
                }
                return Optional.of(take(n, new EscPosToken.Text(decodeText(n))));
            }
            Decoded d = switch (b) {
                case 0x0A -> new Decoded(1, new EscPosToken.LineFeed());
                case 0x0D -> new Decoded(1, new EscPosToken.Other("CR"));
                case 0x09 -> new Decoded(1, new EscPosToken.Other("HT"));
                case 0x1B -> esc();
                case 0x1C -> fs();
                case 0x1D -> gs();
                case 0x10 -> dle();
                default -> throw new Malformed(String.format("unexpected control byte 0x%02X", b));
            };
            if (d == null) {
                return Optional.empty();
            }
            consumed = d.length;
            token = d.token;
        } catch (Malformed m) {
            long position = streamOffset;
            start++;
            streamOffset++;
            lastRaw = new byte[0];
            throw new EscPosProtocolException(m.getMessage() + " at stream byte " + position + " (skipped one byte)");
        }
        return Optional.of(take(consumed, token));
    }

    /** Returns the remaining text run; fails if a command is cut off. */
    public List<EscPosToken> finish() throws EscPosProtocolException {
        List<EscPosToken> tokens = new ArrayList<>();
        for (Optional<EscPosToken> t = next(); t.isPresent(); t = next()) {
            tokens.add(t.get());
        }
        if (start < end && at(0) >= 0x20) {
            int n = end - start;
            tokens.add(take(n, new EscPosToken.Text(decodeText(n))));
        }
        if (start < end) {
            int left = end - start;
            String head = String.format("0x%02X", at(0));
            long position = streamOffset;
            start = end;
            streamOffset += left;
            throw new EscPosProtocolException("stream ends at byte " + (position + left) + " inside a command starting with "
                    + head + " at stream byte " + position + " (" + left + " bytes left)");
        }
        return tokens;
    }

    /** Decodes a complete stream. */
    public static List<EscPosToken> decodeAll(byte[] stream) throws EscPosProtocolException {
        EscPosDecoder decoder = new EscPosDecoder();
        decoder.feed(stream);
        return decoder.finish();
    }

    private record Decoded(int length, EscPosToken token) {}

    /** Internal: malformed command found at the head of the buffer. */
    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private EscPosToken take(int n, EscPosToken token) {
        lastRaw = Arrays.copyOfRange(buffer, start, start + n);
        start += n;
        streamOffset += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return token;
    }

    private int at(int i) {
        return buffer[start + i] & 0xFF;
    }

    private boolean have(int n) {
        return end - start >= n;
    }

    private String decodeText(int n) {
        return new String(buffer, start, n, ResidentFont.GB18030);
    }

    private Decoded esc() {
        if (!have(2)) {
            return null;
        }
        int c = at(1);
        return switch (c) {
            case '@' -> new Decoded(2, new EscPosToken.Initialise());
            case '2' -> new Decoded(2, new EscPosToken.Other("ESC 2"));
            case 'a' -> withByte(3, n -> new EscPosToken.Align(n));
            case 'E' -> withByte(3, n -> new EscPosToken.Bold((n & 1) != 0));
            case 'd' -> withByte(3, n -> new EscPosToken.Feed(n));
            case 't', '!', '3', 'J', '-', 'G', 'M', 'R', 'e', '{', 'V' -> withByte(3, n -> new EscPosToken.Other("ESC " + (char) c));
            case 'p' -> have(5) ? new Decoded(5, new EscPosToken.Other("ESC p")) : null;
            default -> throw new Malformed(String.format("unknown command ESC 0x%02X", c));
        };
    }

    private Decoded fs() {
        if (!have(2)) {
            return null;
        }
        int c = at(1);
        return switch (c) {
            case '&' -> new Decoded(2, new EscPosToken.ChineseMode(true));
            case '.' -> new Decoded(2, new EscPosToken.ChineseMode(false));
            case '!', 'W', 'C', '-' -> withByte(3, n -> new EscPosToken.Other("FS " + (char) c));
            default -> throw new Malformed(String.format("unknown command FS 0x%02X", c));
        };
    }

    private Decoded dle() {
        if (!have(3)) {
            return null;
        }
        int c = at(1);
        int n = at(2);
        if (c == 0x04 && n >= 1 && n <= 4) {
            return new Decoded(3, new EscPosToken.RealTimeStatus(n));
        }
        if (c == 0x05 && n >= 1 && n <= 2) {
            return new Decoded(3, new EscPosToken.Other("DLE ENQ"));
        }
        throw new Malformed(String.format("unknown real-time command DLE 0x%02X 0x%02X", c, n));
    }

    private Decoded gs() {
        if (!have(2)) {
            return null;
        }
        int c = at(1);
        return switch (c) {
            case '!' -> withByte(3, n -> new EscPosToken.Size((n >> 4) + 1, (n & 0x0F) + 1));
            case 'r' -> withByte(3, n -> new EscPosToken.StatusRequest(n));
            case 'a', 'B', 'H', 'h', 'w', 'f', 'b' -> withByte(3, n -> new EscPosToken.Other("GS " + (char) c));
            case 'L', 'W', 'P' -> have(4) ? new Decoded(4, new EscPosToken.Other("GS " + (char) c)) : null;
            case 'V' -> cut();
            case 'v' -> raster();
            case '(' -> extended();
            default -> throw new Malformed(String.format("unknown command GS 0x%02X", c));
        };
    }

    private Decoded cut() {
        if (!have(3)) {
            return null;
        }
        int m = at(2);
        if (m == 0 || m == 1 || m == 48 || m == 49) {
            return new Decoded(3, new EscPosToken.Cut(m, 0));
        }
        if (m == 65 || m == 66 || m == 97 || m == 98 || m == 103 || m == 104) {
            return have(4) ? new Decoded(4, new EscPosToken.Cut(m, at(3))) : null;
        }
        throw new Malformed("GS V with unknown cut mode " + m);
    }

    private Decoded raster() {
        if (!have(8)) {
            return null;
        }
        if (at(2) != '0') {
            throw new Malformed(String.format("GS v 0x%02X is not a raster command", at(2)));
        }
        int mode = at(3);
        if (mode > 3 && (mode < 48 || mode > 51)) {
            throw new Malformed("GS v 0 with unknown mode " + mode);
        }
        int bytesPerRow = at(4) | at(5) << 8;
        int rows = at(6) | at(7) << 8;
        if (bytesPerRow == 0 || rows == 0 || (long) bytesPerRow * rows > MAX_RASTER_BYTES) {
            throw new Malformed("GS v 0 with implausible size " + bytesPerRow + " bytes × " + rows + " rows");
        }
        int total = 8 + bytesPerRow * rows;
        if (!have(total)) {
            return null;
        }
        byte[] data = Arrays.copyOfRange(buffer, start + 8, start + total);
        return new Decoded(total, new EscPosToken.Raster(mode, new MonochromeBitmap(bytesPerRow, rows, data)));
    }

    private Decoded extended() {
        if (!have(5)) {
            return null;
        }
        int function = at(2);
        int length = at(3) | at(4) << 8;
        if (length < 1) {
            throw new Malformed("GS ( with empty parameter block");
        }
        if (!have(5 + length)) {
            return null;
        }
        if (function != 'k') {
            return new Decoded(5 + length, new EscPosToken.Other("GS ( " + (char) function));
        }
        if (length < 2) {
            throw new Malformed("GS ( k needs cn and fn, length " + length);
        }
        int cn = at(5);
        int fn = at(6);
        if (cn != 0x31) {
            return new Decoded(5 + length, new EscPosToken.Other(String.format("GS ( k symbol 0x%02X", cn)));
        }
        EscPosToken token;
        if (fn == 0x50) {
            if (length < 3 || at(7) != 0x30) {
                throw new Malformed("GS ( k store-QR-data without m = 0x30");
            }
            token = new EscPosToken.QrStore(Arrays.copyOfRange(buffer, start + 8, start + 5 + length));
        } else if (fn == 0x51) {
            token = new EscPosToken.QrPrint();
        } else {
            int value = length >= 3 ? at(7) : -1;
            token = new EscPosToken.QrSetting(fn, value);
        }
        return new Decoded(5 + length, token);
    }

    private interface ByteToken {
        EscPosToken of(int n);
    }

    private Decoded withByte(int length, ByteToken factory) {
        if (!have(length)) {
            return null;
        }
        return new Decoded(length, factory.of(at(length - 1)));
    }

    /** For tests and tools: the stream as hex. */
    public static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02X", b & 0xFF));
        }
        return sb.toString();
    }
}
