package org.openkiosk.device.docscan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.transport.TransportUri;

/**
 * Demo-mode scanner ({@code sim:}): a synthetic 150 dpi A4 page with grey "text" bars and a QR code carrying
 * {@code code=TEXT} (default {@code OPENKIOSK-SIM-DOC-0001}). {@code sim:jammed}, {@code sim:no-docs} and
 * {@code sim:cover-open} fail like the real device.
 */
final class SimulatedPageSource implements PageSource {

    static final String DEFAULT_CODE = "OPENKIOSK-SIM-DOC-0001";

    private final String scenario;
    private final String code;
    private final String glass;

    SimulatedPageSource(TransportUri uri) {
        this.scenario = uri.target();
        this.code = uri.parameter("code", DEFAULT_CODE);
        this.glass = uri.parameter("page", "");
    }

    @Override
    public void check() {
        // always present
    }

    @Override
    public String description() {
        return "simulated document scanner" + (scenario.isEmpty() ? "" : " (" + scenario + ")");
    }

    @Override
    public BufferedImage scan() throws DeviceException {
        switch (scenario) {
            case "jammed" -> throw new DeviceException("simulated: document feeder jammed", RecommendedAction.CLEAR_PAPER_JAM, true);
            case "no-docs" -> throw new DeviceException("simulated: no document in the feeder", RecommendedAction.LOAD_PAPER, true);
            case "cover-open" -> throw new DeviceException("simulated: scanner cover open", RecommendedAction.CLOSE_COVER, true);
            default -> {
                return glass.isEmpty() ? page(code) : onTheGlass();
            }
        }
    }

    private BufferedImage onTheGlass() throws DeviceException {
        java.nio.file.Path file = java.nio.file.Path.of(glass);
        try {
            BufferedImage image = java.nio.file.Files.isRegularFile(file) ? javax.imageio.ImageIO.read(file.toFile()) : null;
            if (image == null) {
                throw new DeviceException("simulated: no document on the glass (" + file.getFileName() + ")",
                        RecommendedAction.LOAD_PAPER, true);
            }
            return image;
        } catch (java.io.IOException e) {
            throw new DeviceException("simulated: cannot read the page " + file.getFileName() + ": " + e.getMessage(),
                    RecommendedAction.LOAD_PAPER, true);
        }
    }

    static BufferedImage page(String code) {
        BufferedImage page = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.setColor(new Color(90, 90, 90));
            for (int y = 300; y < 1100; y += 60) {
                g.fillRect(150, y, 940 - (y % 7) * 40, 22);
            }
            BitMatrix matrix = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 0));
            int module = 6;
            int x0 = 150;
            int y0 = 1300;
            g.setColor(Color.BLACK);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        g.fillRect(x0 + x * module, y0 + y * module, module, module);
                    }
                }
            }
        } catch (WriterException e) {
            throw new IllegalArgumentException("simulated code too long: " + code.length() + " characters", e);
        } finally {
            g.dispose();
        }
        return page;
    }
}
