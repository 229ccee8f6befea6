package org.openkiosk.device.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Golden bytes for every command the encoder writes. */
class EscPosEncoderTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final EscPosEncoder encoder = new EscPosEncoder(out, PaperWidth.MM80);

    private static byte[] hex(String hex) {
        String[] parts = hex.trim().split("\\s+");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

    @Test
    void initialiseAlignBoldSizeFeedCut() throws IOException {
        encoder.initialise().align(Alignment.CENTRE).bold(true).size(2, 3).feed(4).lineFeed().cut(3);
        assertThat(out.toByteArray()).containsExactly(hex("1B 40 1B 61 01 1B 45 01 1D 21 12 1B 64 04 0A 1D 56 42 03"));
    }

    @Test
    void alignmentsAndBoldOff() throws IOException {
        encoder.align(Alignment.LEFT).align(Alignment.RIGHT).bold(false).size(1, 1).size(8, 8);
        assertThat(out.toByteArray()).containsExactly(hex("1B 61 00 1B 61 02 1B 45 00 1D 21 00 1D 21 77"));
    }

    @Test
    void asciiTextIsSentAsIsWithoutChineseMode() throws IOException {
        encoder.text("Queue A012");
        assertThat(out.toByteArray()).isEqualTo("Queue A012".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void chineseRunIsGb18030AfterFsAmpersandOnce() throws IOException {
        encoder.initialise().text("号码 A12 测试").lineFeed();
        // 号 = BA C5, 码 = C2 EB, 测 = B2 E2, 试 = CA D4 in GB 18030
        assertThat(out.toByteArray()).containsExactly(
                hex("1B 40 1C 26 BA C5 C2 EB 20 41 31 32 20 B2 E2 CA D4 0A"));
    }

    @Test
    void chineseModeIsSentAgainAfterInitialise() throws IOException {
        encoder.initialise().text("测").initialise().text("测");
        assertThat(out.toByteArray()).containsExactly(hex("1B 40 1C 26 B2 E2 1B 40 1C 26 B2 E2"));
    }

    @Test
    void charactersOutsideGbkAreEncodedInGb18030WhenTheFontHasThem() throws IOException {
        // 䶮 U+4DAE is outside GBK; GB 18030-2022 (the JDK's mapping) puts it at FE 9F, 𠀀 U+20000 takes four bytes
        new EscPosEncoder(out, PaperWidth.MM58, ResidentFont.FULL_GB18030).line("䶮𠀀");
        assertThat(out.toByteArray()).containsExactly(hex("1C 26 FE 9F 95 32 82 36 0A"));
    }

    @Test
    void qrCountsPayloadBytesNotCharacters() throws IOException {
        encoder.qr("测试A", 6, QrErrorCorrection.M);
        // "测试A" is 3 characters but 7 UTF-8 bytes: pL = 7 + 3 = 10
        assertThat(out.toByteArray()).containsExactly(hex(
                "1D 28 6B 04 00 31 41 32 00 "
                        + "1D 28 6B 03 00 31 43 06 "
                        + "1D 28 6B 03 00 31 45 31 "
                        + "1D 28 6B 0A 00 31 50 30 E6 B5 8B E8 AF 95 41 "
                        + "1D 28 6B 03 00 31 51 30"));
    }

    @Test
    void qrLengthUsesHighByteForLongPayloads() throws IOException {
        String payload = "x".repeat(300);
        encoder.qr(payload, 3, QrErrorCorrection.L);
        byte[] bytes = out.toByteArray();
        // store block starts after three 8-or-9-byte setting blocks: 9 + 8 + 8 = 25
        assertThat(bytes[25 + 3] & 0xFF).isEqualTo((303) & 0xFF);
        assertThat(bytes[25 + 4] & 0xFF).isEqualTo(303 >> 8);
    }

    @Test
    void qrRejectsEmptyAndOversizedPayloads() {
        assertThatThrownBy(() -> encoder.qr("", 6, QrErrorCorrection.M)).hasMessageContaining("1–7089 bytes");
        assertThatThrownBy(() -> encoder.qr("测".repeat(2400), 6, QrErrorCorrection.M)).hasMessageContaining("7200");
        assertThatThrownBy(() -> encoder.qr("x", 17, QrErrorCorrection.M)).hasMessageContaining("module size");
    }

    @Test
    void rasterGoesOutInBandsOfAtMost255Rows() throws IOException {
        BufferedImage image = new BufferedImage(16, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            image.setRGB(0, y, 0xFFFFFF);
            for (int x = 1; x < 16; x++) {
                image.setRGB(x, y, x == 8 ? 0x000000 : 0xFFFFFF);
            }
        }
        encoder.image(image);
        byte[] bytes = out.toByteArray();
        assertThat(bytes).hasSize(8 + 2 * 255 + 8 + 2 * 45);
        assertThat(java.util.Arrays.copyOfRange(bytes, 0, 10)).containsExactly(hex("1D 76 30 00 02 00 FF 00 00 80"));
        int second = 8 + 2 * 255;
        assertThat(java.util.Arrays.copyOfRange(bytes, second, second + 8)).containsExactly(hex("1D 76 30 00 02 00 2D 00"));
    }

    @Test
    void rasterWiderThanPaperIsRefused() {
        BufferedImage image = new BufferedImage(400, 10, BufferedImage.TYPE_INT_RGB);
        EscPosEncoder narrow = new EscPosEncoder(out, PaperWidth.MM58);
        assertThatThrownBy(() -> narrow.image(image)).hasMessageContaining("384");
    }

    @Test
    void statusQueries() throws IOException {
        encoder.realTimeStatus(1).realTimeStatus(4).requestPaperStatus();
        assertThat(out.toByteArray()).containsExactly(hex("10 04 01 10 04 04 1D 72 01"));
        assertThatThrownBy(() -> encoder.realTimeStatus(5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void controlCharactersInTextAreRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> encoder.text("A\u001BB")).hasMessageContaining("U+001B");
        assertThat(out.size()).isZero();
    }

    @Test
    void lineWithCharacterTheResidentFontLacksBecomesRasterOfPaperWidth() throws IOException {
        new EscPosEncoder(out, PaperWidth.MM58, ResidentFont.GBK).line("姓名：王䶮");
        byte[] bytes = out.toByteArray();
        assertThat(java.util.Arrays.copyOfRange(bytes, 0, 6)).containsExactly(hex("1D 76 30 00 30 00"));
        int rows = (bytes[6] & 0xFF) | (bytes[7] & 0xFF) << 8;
        assertThat(bytes).hasSize(8 + 48 * rows);
        int dark = 0;
        for (int i = 8; i < bytes.length; i++) {
            dark += Integer.bitCount(bytes[i] & 0xFF);
        }
        assertThat(dark).as("the rendered line has ink").isGreaterThan(200);
    }

    @Test
    void gbkFontCoverage() {
        assertThat(ResidentFont.GBK.canPrintAll("镕 测试 ABC")).isTrue();
        assertThat(ResidentFont.GBK.canPrint(0x4DAE)).isFalse();
        assertThat(ResidentFont.FULL_GB18030.canPrint(0x4DAE)).isTrue();
    }

    @Test
    void paperWidths() {
        assertThat(PaperWidth.ofMillimetres(58).dots()).isEqualTo(384);
        assertThat(PaperWidth.ofMillimetres(58).columns()).isEqualTo(32);
        assertThat(PaperWidth.ofMillimetres(80).dots()).isEqualTo(576);
        assertThat(PaperWidth.ofMillimetres(80).columns()).isEqualTo(48);
        assertThatThrownBy(() -> PaperWidth.ofMillimetres(76)).hasMessageContaining("58, 80");
    }
}
