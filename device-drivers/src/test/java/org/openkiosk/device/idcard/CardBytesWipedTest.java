package org.openkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.device.DeviceEvent;
import org.openkiosk.device.transport.Transport;
import org.openkiosk.testsupport.HeapDump;

/**
 * A card is read through the real GA 467 driver, then the whole heap — unreachable garbage included — is dumped
 * and searched for the card's raw bytes: the 256-byte text block and slices of the photo. Whatever buffer the
 * driver used (frame reader buffer and its outgrown copies, read chunks, reply frame payloads, reply data copies,
 * the blocks, the photo) must have been zeroed. The card is random, so no other test's garbage can match, and the
 * test keeps its own copies only XOR-masked.
 */
class CardBytesWipedTest {

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();

    @Test
    void aCardReadOnceLeavesNoRawBytesInTheHeap() throws Exception {
        MaskedCard card = new MaskedCard(random);
        try (WireTransport wire = new WireTransport(card)) {
            Ga467Module module = new Ga467Module(wire, 115200);
            module.open();
            module.selectCard();
            IdCard read = module.readCard().toIdCard();
            assertThat(read.address()).isEqualTo(card.address);
            read.wipePhoto(); // what the session does when the citizen leaves
        }
        assertThat(occurrences(card)).as("raw card bytes left in the heap").isEmpty();
    }

    @Test
    void aCardPlacedWhileNoScreenListensLeavesNoRawBytesInTheHeap() throws Exception {
        MaskedCard card = new MaskedCard(random);
        AtomicInteger cards = new AtomicInteger();
        try (WireTransport wire = new WireTransport(card)) {
            IdCardReader reader = new IdCardReader("idReader", new Ga467Module(wire, 115200),
                    new IdCardReader.Settings(Duration.ofMillis(20), Duration.ofMillis(50)));
            // a listener that, like a screen in the middle of a flow, ignores the card
            reader.addListener(event -> {
                if (event instanceof DeviceEvent.Data<?> data && data.payload() instanceof IdCard) {
                    cards.incrementAndGet();
                }
            });
            reader.open();
            reader.claim();
            reader.enable();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (cards.get() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            reader.close();
        }
        assertThat(cards.get()).isEqualTo(1);
        assertThat(occurrences(card)).as("raw card bytes left in the heap").isEmpty();
    }

    /** The search can fail: card bytes a test still holds in plain are found and named. */
    @Test
    void theSearchFindsCardBytesThatAreStillInTheHeap() throws IOException {
        MaskedCard card = new MaskedCard(new SecureRandom());
        byte[] masked = card.needles.get(0);
        byte[] plain = new byte[masked.length];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = (byte) (masked[i] ^ card.key[i]);
        }
        assertThat(occurrences(card)).anySatisfy(found -> assertThat(found).startsWith(card.names.get(0) + " at"));
        Arrays.fill(plain, (byte) 0); // also keeps the plain copy reachable until the dump is searched
    }

    /** Where in a full heap dump any of the card's needles occurs. */
    private List<String> occurrences(MaskedCard card) throws IOException {
        Path dump = HeapDump.write(dir.resolve("heap.hprof"));
        return HeapDump.search(dump, card.needles, card.key).stream()
                .map(f -> card.names.get(f.needle()) + " at dump offset " + f.offset()).toList();
    }

    /** A random resident card; the test itself keeps its bytes only XOR-masked with a random key. */
    static final class MaskedCard {
        final String address;
        final byte[] key = new byte[256];
        final List<byte[]> needles = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        private final byte[] maskedText;
        private final byte[] maskedPhoto;

        MaskedCard(SecureRandom random) {
            random.nextBytes(key);
            address = "测试路" + (100_000_000 + random.nextInt(899_999_999)) + "号";
            byte[] text = new byte[256]; // built here, not with the simulator's builder, to wipe every copy
            for (int i = 0; i < text.length; i += 2) {
                text[i] = ' ';
            }
            put(text, 0, "测试");
            put(text, 30, "2");
            put(text, 32, "01");
            put(text, 36, "19491231");
            put(text, 52, address);
            put(text, 122, "11010519491231002X");
            put(text, 158, "北京市公安局朝阳分局");
            put(text, 188, "20200101");
            put(text, 204, "长期");
            put(text, 248, String.valueOf(CardType.RESIDENT.marker()));
            byte[] photo = new byte[1024];
            random.nextBytes(photo);
            photo[0] = 0x57;
            photo[1] = 0x4C;
            photo[2] = 0x66;
            photo[3] = 0x00;
            maskedText = mask(text, 0);
            maskedPhoto = mask(photo, 0);
            needles.add(maskedText);
            names.add("the 256-byte text block");
            for (int offset : new int[] {4, 500, 1024 - 64}) { // photo slices: one in each read chunk
                byte[] slice = Arrays.copyOfRange(photo, offset, offset + 64);
                needles.add(mask(slice, 0));
                Arrays.fill(slice, (byte) 0);
                names.add("photo bytes " + offset + "+64");
            }
            Arrays.fill(text, (byte) 0);
            Arrays.fill(photo, (byte) 0);
        }

        private static void put(byte[] text, int offset, String value) {
            byte[] encoded = value.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
            System.arraycopy(encoded, 0, text, offset, encoded.length);
            Arrays.fill(encoded, (byte) 0);
        }

        private byte[] mask(byte[] plain, int from) {
            byte[] out = new byte[plain.length];
            for (int i = 0; i < plain.length; i++) {
                out[i] = (byte) (plain[i] ^ key[(from + i) % key.length]);
            }
            return out;
        }

        /** Needles are masked with the key from index 0, so unmask the text/photo that way too. */
        byte[] plain(byte[] masked) {
            return mask(masked, 0);
        }

        /** The read reply frame on the wire; the caller wipes it after sending. */
        byte[] readReply() {
            byte[] text = plain(maskedText);
            byte[] photo = plain(maskedPhoto);
            // encoded here in one array (Ga467Frame.encode's stream would leave copies of its own)
            int payloadLength = 3 + 4 + text.length + photo.length;
            int len = payloadLength + 1;
            byte[] wire = new byte[Ga467Frame.HEADER_LENGTH + len];
            System.arraycopy(Ga467Frame.PREAMBLE, 0, wire, 0, Ga467Frame.PREAMBLE.length);
            wire[5] = (byte) (len >> 8);
            wire[6] = (byte) len;
            int at = Ga467Frame.HEADER_LENGTH;
            wire[at + 2] = (byte) 0x90; // SW1 SW2 SW3
            wire[at + 3] = 0x01; // text length 256
            wire[at + 5] = 0x04; // photo length 1024
            System.arraycopy(text, 0, wire, at + 7, text.length);
            System.arraycopy(photo, 0, wire, at + 7 + text.length, photo.length);
            wire[wire.length - 1] = (byte) Ga467Frame.checksum(len, wire, at, payloadLength);
            Arrays.fill(text, (byte) 0);
            Arrays.fill(photo, (byte) 0);
            return wire;
        }
    }

    /**
     * The module's end of the wire: answers each request frame with the module's reply, the card present. It
     * zeroes every reply once the driver has taken the bytes, so only the driver's own copies can remain.
     */
    static final class WireTransport implements Transport {
        private final MaskedCard card;
        private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
        private int position;
        private boolean open;
        private boolean cardRead;

        WireTransport(MaskedCard card) {
            this.card = card;
        }

        @Override
        public void open() {
            open = true;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public synchronized int read(byte[] buffer, int offset, int length, Duration timeout) {
            byte[] head = pending.peek();
            if (head == null) {
                return 0;
            }
            int n = Math.min(length, head.length - position);
            System.arraycopy(head, position, buffer, offset, n);
            position += n;
            if (position == head.length) {
                Arrays.fill(pending.poll(), (byte) 0);
                position = 0;
            }
            return n;
        }

        @Override
        public synchronized void write(byte[] data) throws IOException {
            Ga467FrameReader frames = new Ga467FrameReader();
            frames.feed(data, 0, data.length);
            Ga467Frame request = frames.next().orElseThrow(() -> new IOException("no request frame"));
            Ga467Command command = Ga467Command.of(request).orElseThrow(() -> new IOException("unknown " + request));
            pending.add(switch (command) {
                case FIND_CARD -> cardRead ? Ga467Frame.response(Sw3Status.NO_CARD.code()).encode()
                        : Ga467Frame.response(Sw3Status.CARD_FOUND.code()).encode();
                case READ_TEXT_AND_PHOTO -> {
                    cardRead = true; // then the card is "taken away": one placement
                    yield card.readReply();
                }
                default -> Ga467Frame.response(command.success().code()).encode();
            });
        }

        @Override
        public synchronized void discardInput() {
            pending.forEach(b -> Arrays.fill(b, (byte) 0));
            pending.clear();
            position = 0;
        }

        @Override
        public String describe() {
            return "test wire";
        }

        @Override
        public void close() {
            open = false;
            discardInput();
        }
    }
}
