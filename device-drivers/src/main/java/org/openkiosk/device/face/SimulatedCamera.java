package org.openkiosk.device.face;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.transport.TransportUri;

/**
 * A camera that plays image files (tests and the demo). URIs:
 * <ul>
 *   <li>{@code sim:} — a drawn face, the same every time</li>
 *   <li>{@code sim:/path/to/dir} — the {@code .jpg}/{@code .jpeg}/{@code .png} files in that directory, in name
 *       order, one per capture, starting again after the last; {@code sim:/path/to/file.jpg} — that file</li>
 *   <li>{@code sim:no-face} — an empty grey frame (nobody in front of the camera)</li>
 *   <li>{@code sim:unplugged} — the camera is missing, like an unplugged USB camera</li>
 * </ul>
 */
public final class SimulatedCamera implements CameraSource {

    private final String target;
    private final AtomicInteger next = new AtomicInteger();

    public SimulatedCamera(TransportUri uri) {
        if (!uri.isSimulator()) {
            throw new IllegalArgumentException("SimulatedCamera needs a sim: URI, got " + uri);
        }
        this.target = uri.target();
    }

    @Override
    public void check() throws DeviceException {
        if (target.equals("unplugged")) {
            throw new DeviceException("simulated: no camera found", RecommendedAction.RECONNECT, true);
        }
        if (isPath() && files().isEmpty()) {
            throw new DeviceException("simulated camera: no .jpg or .png image in " + target,
                    RecommendedAction.CHECK_CONFIGURATION, false);
        }
    }

    @Override
    public FaceImage capture() throws DeviceException {
        check();
        if (isPath()) {
            List<Path> files = files();
            Path file = files.get(Math.floorMod(next.getAndIncrement(), files.size()));
            try {
                return new FaceImage(Files.readAllBytes(file), mediaType(file));
            } catch (IOException e) {
                throw new DeviceException("simulated camera cannot read " + file.getFileName() + ": " + e.getMessage(),
                        RecommendedAction.CHECK_CONFIGURATION, false, e);
            }
        }
        return new FaceImage(png(drawn(target.equals("no-face"))), "image/png");
    }

    @Override
    public String description() {
        if (isPath()) {
            return "simulated camera playing images from " + target;
        }
        return "simulated camera" + (target.isEmpty() ? "" : " (" + target + ")");
    }

    private boolean isPath() {
        return target.startsWith("/") || target.startsWith(".");
    }

    private List<Path> files() {
        Path path = Path.of(target);
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(path)) {
            return listing.filter(f -> isImage(f.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean isImage(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png");
    }

    private static String mediaType(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png") ? "image/png" : "image/jpeg";
    }

    /** A simple drawn face (or an empty frame): enough for the simulated matcher to tell a face from none. */
    static BufferedImage drawn(boolean empty) {
        BufferedImage image = new BufferedImage(320, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(200, 205, 210));
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            if (!empty) {
                g.setColor(new Color(236, 200, 170));
                g.fillOval(70, 60, 180, 240);
                g.setColor(new Color(40, 40, 40));
                g.fillOval(115, 150, 24, 14);
                g.fillOval(181, 150, 24, 14);
                g.fillRect(150, 190, 20, 40);
                g.fillArc(120, 235, 80, 30, 180, 180);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
