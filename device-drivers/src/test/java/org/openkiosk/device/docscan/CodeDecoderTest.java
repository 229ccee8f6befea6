package org.openkiosk.device.docscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class CodeDecoderTest {

    @Test
    void findsARotatedAndScaledQrCodeOnAPage() {
        BufferedImage code = SimulatedPageSource.page("ROTATED-7");
        BufferedImage page = new BufferedImage(1280, 720, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1280, 720);
        AffineTransform at = new AffineTransform();
        at.translate(700, 20);
        at.rotate(Math.toRadians(17));
        at.scale(0.4, 0.4);
        g.drawImage(code, at, null);
        g.dispose();
        assertThat(CodeDecoder.decodeAll(page)).extracting(DecodedCode::text).contains("ROTATED-7");
    }

    @Test
    void aBlankImageHasNoCodes() {
        BufferedImage blank = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);
        assertThat(CodeDecoder.decodeAll(blank)).isEmpty();
    }

    @Test
    void decodeQrReadsAnInvertedCodeAndSkipsUnwantedOnes() {
        BufferedImage code = SimulatedPageSource.page("LIGHT-ON-DARK");
        BufferedImage inverted = new BufferedImage(code.getWidth(), code.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < code.getHeight(); y++) {
            for (int x = 0; x < code.getWidth(); x++) {
                inverted.setRGB(x, y, ~code.getRGB(x, y) & 0xffffff);
            }
        }
        assertThat(CodeDecoder.decodeQr(inverted, text -> true)).extracting(DecodedCode::text)
                .containsExactly("LIGHT-ON-DARK");
        assertThat(CodeDecoder.decodeQr(code, text -> text.startsWith("OKC"))).isEmpty();
        assertThat(CodeDecoder.decodeQr(new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY), text -> true))
                .isEmpty();
    }
}
