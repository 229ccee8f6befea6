package org.openkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Ga467FrameReaderTest {

    private final Ga467FrameReader reader = new Ga467FrameReader();

    @Test
    void fixtureReplyIsOneValidFrame() throws Exception {
        byte[] fixture = Fixtures.readReply();
        assertThat(fixture).hasSize(1295);
        reader.feed(fixture, 0, fixture.length);
        Ga467Frame frame = reader.next().orElseThrow();
        assertThat(frame.len()).isEqualTo(0x0508);
        assertThat(frame.sw3()).isEqualTo(0x90);
        assertThat(frame.encode()).isEqualTo(fixture);
        assertThat(reader.pendingBytes()).isZero();
    }

    @Test
    void fixtureParsesToTheFictionalPerson() throws Exception {
        byte[] fixture = Fixtures.readReply();
        reader.feed(fixture, 0, fixture.length);
        IdCard card = Ga467Module.parseRead(reader.next().orElseThrow().replyData(), false).toIdCard();
        assertThat(card.cardType()).isEqualTo(CardType.RESIDENT);
        assertThat(card.name()).isEqualTo("测试");
        assertThat(card.sex()).isEqualTo(Sex.FEMALE);
        assertThat(card.nation().name()).isEqualTo("汉");
        assertThat(card.nation().code()).isEqualTo("01");
        assertThat(card.birthDate()).hasToString("1949-12-31");
        assertThat(card.idNumber()).isEqualTo("11010519491231002X");
        assertThat(card.validTo().isLongTerm()).isTrue();
        assertThat(card.validTo()).hasToString("长期");
        assertThat(card.address()).isEqualTo("北京市朝阳区测试路1号");
        assertThat(card.issuer()).isEqualTo("北京市公安局朝阳分局");
        assertThat(card.validFrom()).hasToString("2020-01-01");
        assertThat(card.photo().length()).isEqualTo(1024);
        assertThat(card.photo().looksLikeWlt()).isTrue();
        // text starts at frame offset 14, the photo at 270
        assertThat(card.photo().bytes()).isEqualTo(Arrays.copyOfRange(fixture, 270, 1294));
    }

    @Test
    void replyArrivingInPiecesIsAssembled() throws Exception {
        byte[] fixture = Fixtures.readReply();
        int[] cuts = {1, 5, 6, 7, 13, 14, 400, 1293, 1294, 1295};
        int from = 0;
        for (int cut : cuts) {
            assertThat(reader.next()).as("no frame before byte %d", from).isEmpty();
            reader.feed(fixture, from, cut - from);
            from = cut;
        }
        assertThat(reader.next()).isPresent();
    }

    @Test
    void resynchronisesOnThePreambleAfterGarbage() throws Exception {
        byte[] garbage = {0x00, (byte) 0xAA, (byte) 0xAA, 0x13, (byte) 0x96, 0x69, (byte) 0xAA, (byte) 0xAA};
        byte[] status = Ga467Frame.response(0x90).encode();
        reader.feed(garbage, 0, garbage.length);
        assertThat(reader.next()).isEmpty();
        reader.feed(status, 0, status.length);
        assertThat(reader.next()).contains(Ga467Frame.response(0x90));
        assertThat(reader.skippedBytes()).isEqualTo(garbage.length);
    }

    @Test
    void checksumErrorIsTypedAndTheStreamContinues() throws Exception {
        byte[] bad = Ga467Frame.response(0x9F, new byte[4]).encode();
        bad[bad.length - 1] ^= 0x01;
        byte[] good = Ga467Frame.response(0x80).encode();
        reader.feed(bad, 0, bad.length);
        reader.feed(good, 0, good.length);
        assertThatThrownBy(reader::next).isInstanceOfSatisfying(Ga467ProtocolException.class,
                e -> assertThat(e.kind()).isEqualTo(Ga467ProtocolException.Kind.BAD_CHECKSUM));
        assertThat(reader.next().map(Ga467Frame::sw3)).contains(0x80);
    }

    @Test
    void errorsNameTheFramesStreamByteAndWhatWasExpectedAndFound() throws Exception {
        byte[] noise = {0x01, 0x02, 0x03};
        byte[] bad = Ga467Frame.response(0x90).encode(); // AA AA AA 96 69 00 04 00 00 90 94
        bad[bad.length - 1] = 0x00;
        byte[] bogus = Fixtures.hex("AA AA AA 96 69 FF FF 00");
        reader.feed(noise, 0, noise.length);
        reader.feed(bad, 0, bad.length);
        reader.feed(bogus, 0, bogus.length);
        assertThatThrownBy(reader::next).hasMessage("checksum mismatch (electrical noise or a wrong baud rate?): frame at stream byte 3 (LEN 4): CHK (frame byte 10) expected 94, found 00");
        assertThatThrownBy(reader::next).hasMessage("impossible LEN field: frame at stream byte 14: LEN (frame bytes 5-6) expected 3..%d, found 65535",
                Ga467Frame.MAX_LEN);
    }

    @Test
    void impossibleLengthIsTypedAndSkipped() throws Exception {
        byte[] bogus = Fixtures.hex("AA AA AA 96 69 FF FF 00");
        byte[] good = Ga467Frame.response(0x90).encode();
        reader.feed(bogus, 0, bogus.length);
        reader.feed(good, 0, good.length);
        assertThatThrownBy(reader::next).isInstanceOfSatisfying(Ga467ProtocolException.class,
                e -> assertThat(e.kind()).isEqualTo(Ga467ProtocolException.Kind.BAD_LENGTH));
        Optional<Ga467Frame> next = reader.next();
        assertThat(next.map(Ga467Frame::sw3)).contains(0x90);
    }

    @Test
    void readRepliesWithInconsistentInnerLengthsAreRejected() {
        byte[] data = new byte[4 + 256 + 10];
        data[0] = 0x01;
        data[2] = 0x04; // claims 1024 photo bytes, has 10
        assertThatThrownBy(() -> Ga467Module.parseRead(data, false))
                .isInstanceOfSatisfying(Ga467ProtocolException.class,
                        e -> assertThat(e.kind()).isEqualTo(Ga467ProtocolException.Kind.MALFORMED_REPLY))
                .hasMessageContaining("do not add up");
    }

    @Test
    void everySw3CodeOfTheSpecificationHasAMeaningAndAnAction() {
        int[] specCodes = {0x90, 0x91, 0x9F, 0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x37, 0x3F, 0x40, 0x41,
                0x47, 0x60, 0x66, 0x80, 0x81};
        assertThat(Sw3Status.values()).hasSize(specCodes.length);
        for (int code : specCodes) {
            Sw3Status s = Sw3Status.of(code).orElseThrow(() -> new AssertionError("no mapping for " + code));
            assertThat(s.meaning()).isNotBlank();
            assertThat(s.describe()).startsWith(String.format("SW3 %02X: ", code));
        }
        assertThat(Sw3Status.describe(0x41)).isEqualTo("SW3 41: reading the card failed (card removed during the read?)");
        assertThat(Sw3Status.of(0x60).orElseThrow().action()).isEqualTo(org.openkiosk.device.RecommendedAction.CALL_MAINTENANCE);
        assertThat(Sw3Status.describe(0x55)).contains("not in the GA 467 specification");
        assertThat(new Sw3StatusException("find card", 0x55).category()).isEqualTo(Sw3Status.Category.MODULE_FAULT);
    }
}
