package org.openkiosk.device.escpos.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.escpos.Alignment;
import org.openkiosk.device.escpos.EscPosEncoder;
import org.openkiosk.device.escpos.EscPosProtocolException;
import org.openkiosk.device.escpos.PaperWidth;
import org.openkiosk.device.escpos.QrErrorCorrection;
import org.openkiosk.device.escpos.Receipt;
import org.openkiosk.device.escpos.ReceiptWriter;
import org.openkiosk.device.escpos.ResidentFont;
import org.openkiosk.device.escpos.TestPage;
import org.openkiosk.device.scanner.ImageCodeDecoder;

/** The decoder reads back what the encoder wrote, and survives garbage. */
class EscPosDecoderTest {

    @Test
    void roundTripsTextStylesQrRasterAndCut() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BufferedImage picture = new BufferedImage(24, 3, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(0, 0, 0xFFFFFF);
        new EscPosEncoder(out, PaperWidth.MM58)
                .initialise().align(Alignment.CENTRE).bold(true).size(2, 2).line("预约凭条 A012")
                .size(1, 1).bold(false).align(Alignment.LEFT).text("姓名：").line("测试")
                .qr("https://example.gov.cn/q?n=测试", 5, QrErrorCorrection.Q)
                .image(picture).feed(2).cut(3);
        List<EscPosToken> tokens = EscPosDecoder.decodeAll(out.toByteArray());

        assertThat(tokens).startsWith(new EscPosToken.Initialise(), new EscPosToken.Align(1), new EscPosToken.Bold(true),
                new EscPosToken.Size(2, 2), new EscPosToken.ChineseMode(true), new EscPosToken.Text("预约凭条 A012"),
                new EscPosToken.LineFeed());
        assertThat(tokens).contains(new EscPosToken.QrSetting(0x43, 5), new EscPosToken.QrSetting(0x45, 50),
                new EscPosToken.QrPrint(), new EscPosToken.Feed(2), new EscPosToken.Cut(66, 3));
        assertThat(tokens.stream().filter(t -> t instanceof EscPosToken.QrStore).map(t -> ((EscPosToken.QrStore) t).payload()))
                .containsExactly("https://example.gov.cn/q?n=测试");
        EscPosToken.Raster raster = (EscPosToken.Raster) tokens.stream().filter(t -> t instanceof EscPosToken.Raster).findFirst().orElseThrow();
        assertThat(raster.bitmap().widthDots()).isEqualTo(24);
        assertThat(raster.bitmap().height()).isEqualTo(3);
        assertThat(raster.bitmap().darkDots()).isEqualTo(24 * 3 - 1);
        assertThat(raster.bitmap().isSet(0, 0)).isFalse();

        assertThat(ReceiptRendering.text(tokens)).containsExactly(
                "预约凭条 A012", "姓名：测试", "[QR] https://example.gov.cn/q?n=测试", "[image 24×3]", "", "", "--- cut ---");
    }

    @Test
    void receiptLayoutRoundTripsAndItsPictureHoldsADecodableQr() throws Exception {
        Receipt receipt = Receipt.builder().title("排队号 A012").keyValue("事项", "户籍证明").keyValue("窗口", "3号")
                .divider().qr("QUEUE:A012:测试").cut().build();
        byte[] job = new ReceiptWriter(PaperWidth.MM58, ResidentFont.GBK, true).encode(receipt);
        List<EscPosToken> tokens = EscPosDecoder.decodeAll(job);
        List<String> lines = ReceiptRendering.text(tokens);
        assertThat(lines).containsExactly(
                "排队号 A012",
                "事项" + " ".repeat(32 - 4 - 8) + "户籍证明",
                "窗口" + " ".repeat(32 - 4 - 3) + "3号",
                "-".repeat(32),
                "[QR] QUEUE:A012:测试",
                "",
                "--- cut ---");
        BufferedImage paper = ReceiptRendering.image(tokens, PaperWidth.MM58);
        assertThat(paper.getWidth()).isEqualTo(384);
        assertThat(new ImageCodeDecoder().decode(paper)).containsExactly("QUEUE:A012:测试");
    }

    @Test
    void testPageRareCharacterLineIsAnImage() throws Exception {
        byte[] job = new ReceiptWriter(PaperWidth.MM80, ResidentFont.GBK, true).encode(TestPage.receipt(PaperWidth.MM80));
        List<String> lines = ReceiptRendering.text(EscPosDecoder.decodeAll(job));
        assertThat(lines).contains("中文：政务服务自助终端", "[QR] https://example.gov.cn/kiosk/test?q=测试");
        assertThat(lines).anyMatch(l -> l.startsWith("[image 576×"));
        assertThat(lines).noneMatch(l -> l.contains("䶮"));
    }

    @Test
    void incrementalFeedingInTinyPiecesGivesTheSameTokens() throws Exception {
        byte[] job = new ReceiptWriter(PaperWidth.MM58, ResidentFont.GBK, true).encode(TestPage.receipt(PaperWidth.MM58));
        List<EscPosToken> whole = EscPosDecoder.decodeAll(job);
        EscPosDecoder decoder = new EscPosDecoder();
        List<EscPosToken> pieces = new ArrayList<>();
        Random random = new Random(7);
        int i = 0;
        while (i < job.length) {
            int n = Math.min(job.length - i, 1 + random.nextInt(5));
            decoder.feed(job, i, n);
            i += n;
            for (Optional<EscPosToken> t = decoder.next(); t.isPresent(); t = decoder.next()) {
                pieces.add(t.get());
            }
        }
        pieces.addAll(decoder.finish());
        assertThat(ReceiptRendering.text(pieces)).isEqualTo(ReceiptRendering.text(whole));
        assertThat(pieces).hasSameSizeAs(whole);
    }

    @Test
    void errorsNameTheStreamByteWhereTheyStart() throws Exception {
        EscPosDecoder decoder = new EscPosDecoder();
        decoder.feed(new byte[] {0x1B, '@', 'A', 0x0A, 0x05, 0x1D, 'V'});
        assertThat(decoder.next()).isPresent(); // ESC @
        assertThat(decoder.next()).isPresent(); // "A"
        assertThat(decoder.next()).isPresent(); // LF
        assertThatThrownBy(decoder::next).hasMessage("unexpected control byte 0x05 at stream byte 4 (skipped one byte)");
        assertThatThrownBy(decoder::finish).hasMessage(
                "stream ends at byte 7 inside a command starting with 0x1D at stream byte 5 (2 bytes left)");
    }

    @Test
    void unknownCommandIsATypedErrorAndDecodingContinues() throws Exception {
        EscPosDecoder decoder = new EscPosDecoder();
        decoder.feed(new byte[] {0x1B, (byte) 0xEE, 'A', 0x0A});
        assertThatThrownBy(decoder::next).isInstanceOf(EscPosProtocolException.class).hasMessageContaining("ESC 0xEE");
        // the ESC was skipped; 0xEE 'A' is a text run (0xEE is not a complete GB 18030 character) then LF
        assertThat(decoder.next()).containsInstanceOf(EscPosToken.Text.class);
        assertThat(decoder.next()).contains(new EscPosToken.LineFeed());
    }

    @Test
    void truncatedCommandIsReportedAtFinish() {
        assertThatThrownBy(() -> EscPosDecoder.decodeAll(new byte[] {0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x10, 0x00, 1, 2}))
                .isInstanceOf(EscPosProtocolException.class).hasMessageContaining("0x1D");
    }

    @Test
    void fuzzedStreamsNeverHangAndOnlyRaiseTypedErrors() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Random random = new Random(2026);
            byte[] valid = new ReceiptWriter(PaperWidth.MM58, ResidentFont.GBK, true).encode(TestPage.receipt(PaperWidth.MM58));
            for (int round = 0; round < 3000; round++) {
                byte[] input;
                if (round % 2 == 0) {
                    input = new byte[random.nextInt(400)];
                    random.nextBytes(input);
                    // bias towards command prefixes so the command parsers get exercised
                    for (int i = 0; i < input.length; i += 1 + random.nextInt(8)) {
                        input[i] = new byte[] {0x1B, 0x1C, 0x1D, 0x10, 0x0A}[random.nextInt(5)];
                    }
                } else {
                    input = valid.clone();
                    for (int m = 0; m < 1 + random.nextInt(10); m++) {
                        input[random.nextInt(input.length)] = (byte) random.nextInt(256);
                    }
                    if (random.nextBoolean()) {
                        input = java.util.Arrays.copyOf(input, random.nextInt(input.length));
                    }
                }
                decodeTolerantly(input);
            }
        });
    }

    /** Like the simulator: skip past errors; every error must be the typed one and progress must be made. */
    private static void decodeTolerantly(byte[] input) {
        EscPosDecoder decoder = new EscPosDecoder();
        decoder.feed(input);
        int guard = 0;
        while (true) {
            assertThat(guard++).as("decoder makes progress").isLessThan(input.length * 2 + 10);
            try {
                Optional<EscPosToken> token = decoder.next();
                if (token.isEmpty()) {
                    break;
                }
            } catch (EscPosProtocolException expected) {
                // typed error; the decoder skipped a byte
            }
        }
        try {
            decoder.finish();
        } catch (EscPosProtocolException expected) {
            // a command cut off at the end of the input
        }
    }
}
