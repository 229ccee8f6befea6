package org.openkiosk.device.idcard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.openkiosk.device.transport.Transport;

/**
 * The host side of the GA 467 protocol over any {@link Transport}: one request, one reply, SW3 checked. Before each
 * request, stale input (a late reply to an earlier, timed-out request) is dropped so replies never get mixed up.
 */
public final class Ga467Module implements IdCardModule {

    /** Short replies need a few ms on the wire; the module itself answers within ~100 ms. */
    static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);

    private final Transport transport;
    private final Duration readTimeout;
    private final Ga467FrameReader frames = new Ga467FrameReader();

    /**
     * @param baud the link's baud rate, to allow a read reply its wire time (2321 bytes at 9600 baud take 2.4 s)
     */
    public Ga467Module(Transport transport, int baud) {
        this.transport = transport;
        long wireMillis = 2321L * 10 * 1000 / baud;
        this.readTimeout = Duration.ofMillis(1000 + 2 * wireMillis);
    }

    @Override
    public void open() throws IOException {
        transport.open();
        frames.clear();
    }

    @Override
    public boolean isOpen() {
        return transport.isOpen();
    }

    @Override
    public void checkStatus() throws IOException {
        exchange(Ga467Command.MODULE_STATUS, COMMAND_TIMEOUT);
    }

    public void reset() throws IOException {
        exchange(Ga467Command.RESET, Duration.ofSeconds(2));
    }

    /** The module's 16-byte SAM id. */
    public byte[] samId() throws IOException {
        return exchange(Ga467Command.SAM_ID, COMMAND_TIMEOUT).replyData();
    }

    @Override
    public boolean findCard() throws IOException {
        Ga467Frame reply = send(Ga467Command.FIND_CARD.frame(), COMMAND_TIMEOUT);
        if (reply.sw3() == Sw3Status.NO_CARD.code()) {
            return false;
        }
        expect(Ga467Command.FIND_CARD, reply);
        return true;
    }

    @Override
    public void selectCard() throws IOException {
        exchange(Ga467Command.SELECT_CARD, COMMAND_TIMEOUT);
    }

    @Override
    public CardBlocks readCard() throws IOException {
        return parseReadAndWipe(exchange(Ga467Command.READ_TEXT_AND_PHOTO, readTimeout), false);
    }

    /** Text, photo and fingerprints (30 10); the fingerprint block is empty for cards without them. */
    public CardBlocks readCardWithFingerprints() throws IOException {
        return parseReadAndWipe(exchange(Ga467Command.READ_TEXT_PHOTO_FINGERPRINT, readTimeout), true);
    }

    /** The blocks of a read reply; the reply frame and the intermediate copy are zeroed whatever happens. */
    private static CardBlocks parseReadAndWipe(Ga467Frame reply, boolean withFingerprints)
            throws Ga467ProtocolException {
        try {
            return parseRead(reply.replyData(), withFingerprints);
        } finally {
            reply.wipe();
        }
    }

    /** The newest appended address (30 03), as UCS-2LE text; empty when the card has none (SW3 91). */
    public java.util.Optional<String> readAppendedAddress() throws IOException {
        Ga467Frame reply = send(Ga467Command.READ_APPENDED_ADDRESS.frame(), COMMAND_TIMEOUT);
        if (reply.sw3() == Sw3Status.NO_CONTENT.code()) {
            return java.util.Optional.empty();
        }
        expect(Ga467Command.READ_APPENDED_ADDRESS, reply);
        byte[] data = reply.replyData();
        try {
            return java.util.Optional.of(IdCardTextParser.field(data, 0, data.length - data.length % 2));
        } finally {
            java.util.Arrays.fill(data, (byte) 0);
            reply.wipe();
        }
    }

    /** Switches the module's baud rate; the caller must then reopen the link at the new rate. */
    public void setBaud(int baud) throws IOException {
        Ga467Frame reply = send(Ga467Command.setBaud(baud), COMMAND_TIMEOUT);
        if (reply.sw3() != Sw3Status.OK.code()) {
            throw new Sw3StatusException("set baud " + baud, reply.sw3());
        }
    }

    @Override
    public String describe() {
        return "ga467 over " + transport.describe();
    }

    @Override
    public void close() {
        frames.clear();
        transport.close();
    }

    private Ga467Frame exchange(Ga467Command command, Duration timeout) throws IOException {
        Ga467Frame reply = send(command.frame(), timeout);
        expect(command, reply);
        return reply;
    }

    private static void expect(Ga467Command command, Ga467Frame reply) throws Sw3StatusException {
        if (reply.sw3() != command.success().code()) {
            throw new Sw3StatusException(command.description(), reply.sw3());
        }
    }

    private Ga467Frame send(Ga467Frame request, Duration timeout) throws IOException {
        frames.clear();
        transport.discardInput();
        transport.write(request.encode());
        Ga467Frame reply = frames.read(transport, timeout);
        if (reply.payloadLength() < 3) {
            throw new Ga467ProtocolException(Ga467ProtocolException.Kind.MALFORMED_REPLY,
                    "a reply needs SW1 SW2 SW3, got " + reply.payloadLength() + " bytes");
        }
        return reply;
    }

    /** {@code textLen photoLen [fpLen]} (big-endian) then the blocks, as the read replies lay them out. */
    static CardBlocks parseRead(byte[] data, boolean withFingerprints) throws Ga467ProtocolException {
        try {
            return splitRead(data, withFingerprints);
        } finally {
            java.util.Arrays.fill(data, (byte) 0); // the caller's copy of the reply: citizen data
        }
    }

    private static CardBlocks splitRead(byte[] data, boolean withFingerprints) throws Ga467ProtocolException {
        int header = withFingerprints ? 6 : 4;
        if (data.length < header) {
            throw new Ga467ProtocolException(Ga467ProtocolException.Kind.MALFORMED_REPLY,
                    "read reply: expected " + header + " bytes of length fields, found " + data.length + " data bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(data);
        int textLength = b.getShort() & 0xFFFF;
        int photoLength = b.getShort() & 0xFFFF;
        int fingerprintLength = withFingerprints ? b.getShort() & 0xFFFF : 0;
        if (textLength != IdCardTextParser.TEXT_LENGTH) {
            throw new Ga467ProtocolException(Ga467ProtocolException.Kind.MALFORMED_REPLY,
                    "read reply data bytes 0-1: text length expected " + IdCardTextParser.TEXT_LENGTH + ", found " + textLength);
        }
        if (header + textLength + photoLength + fingerprintLength != data.length) {
            throw new Ga467ProtocolException(Ga467ProtocolException.Kind.MALFORMED_REPLY, "read reply: inner lengths "
                    + textLength + "+" + photoLength + "+" + fingerprintLength + " do not add up to " + (data.length - header)
                    + " (expected " + (textLength + photoLength + fingerprintLength) + " data bytes after the " + header
                    + "-byte length fields, found " + (data.length - header) + ")");
        }
        byte[] text = new byte[textLength];
        byte[] photo = new byte[photoLength];
        byte[] fingerprints = new byte[fingerprintLength];
        b.get(text).get(photo).get(fingerprints);
        return new CardBlocks(text, photo, fingerprints);
    }
}
