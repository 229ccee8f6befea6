package org.openkiosk.bench.escpos;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openkiosk.device.scanner.ImageCodeDecoder;

/**
 * Decoding one 1280×720 camera frame holding a Chinese UTF-8 QR code (rotated 17°, scaled 0.8), per ZXing
 * strategy, for the kiosk's cascade ({@code decode}) and for {@code decodeAll} (multi-code search first). The
 * cascade's cost on a frame without a code is its worst case.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QrDecodeBenchmark {

    static final String PAYLOAD = "预约:20261122:A012:测试";

    @Param({"MULTIPLE", "DEFAULT", "TRY_HARDER", "PURE", "INVERTED", "CASCADE", "CASCADE_NO_CODE", "DECODE_ALL"})
    public String strategy;

    private BufferedImage frame;
    private ImageCodeDecoder cascade;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        BufferedImage code = MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(PAYLOAD, BarcodeFormat.QR_CODE,
                260, 260, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 2)));
        frame = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(0xB0, 0xB0, 0xB0));
        g.fillRect(0, 0, 1280, 720);
        if (!strategy.equals("CASCADE_NO_CODE")) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            AffineTransform at = new AffineTransform();
            at.translate(500, 200);
            at.rotate(Math.toRadians(17), 104, 104);
            at.scale(0.8, 0.8);
            g.drawImage(code, at, null);
        }
        g.dispose();
        cascade = new ImageCodeDecoder();
    }

    @Benchmark
    public List<String> decode() {
        return switch (strategy) {
            case "CASCADE", "CASCADE_NO_CODE" -> cascade.decode(frame);
            case "DECODE_ALL" -> cascade.decodeAll(frame);
            default -> ImageCodeDecoder.decodeWith(ImageCodeDecoder.Strategy.valueOf(strategy), frame);
        };
    }
}
