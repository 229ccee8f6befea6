package org.openkiosk.device.docscan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.transport.TransportUri;

/**
 * Scans through SANE's {@code scanimage}, always under a timeout (a jammed scan can hang). The URI
 * {@code sane:DEVICE?resolution=200&mode=Gray&timeoutSeconds=30} names the SANE device; every other parameter
 * is passed on as a backend option {@code --NAME=VALUE} (e.g. {@code source=ADF}).
 */
final class ScanimageSource implements PageSource {

    static final String TOOL = "scanimage";

    private final String device;
    private final Map<String, String> options;
    private final Duration timeout;

    ScanimageSource(TransportUri uri) {
        this.device = uri.target();
        Map<String, String> opts = new LinkedHashMap<>();
        opts.put("resolution", "150");
        opts.put("mode", "Gray");
        uri.parameters().forEach((key, value) -> {
            if (!key.equals("timeoutSeconds")) {
                if (!key.matches("[a-z][a-z0-9-]*")) {
                    throw new IllegalArgumentException("bad SANE option name \"" + key + "\" in " + uri);
                }
                opts.put(key, value);
            }
        });
        this.options = opts;
        this.timeout = Duration.ofSeconds(uri.intParameter("timeoutSeconds").orElse(30));
    }

    @Override
    public String description() {
        return "scanimage -d " + device + " " + options;
    }

    /** Where SANE keeps per-backend configuration files such as {@code fujitsu.conf}. */
    private static final List<Path> SYSTEM_CONFIG_DIRS = List.of(Path.of("/etc/sane.d"), Path.of("/usr/local/etc/sane.d"));

    /**
     * Lists devices of this device's backend only: {@code SANE_CONFIG_DIR} points at a directory whose
     * {@code dll.conf} names just that backend, plus a copy of the backend's own configuration file, so
     * {@code scanimage -L} does not probe every backend first (the system's {@code dll.d}, e.g. airscan's
     * network discovery, alone takes 5 s).
     */
    @Override
    public void check() throws DeviceException {
        requireTool();
        String backend = device.contains(":") ? device.substring(0, device.indexOf(':')) : device;
        Path configDir = null;
        try {
            configDir = Files.createTempDirectory("kiosk-sane");
            Files.writeString(configDir.resolve("dll.conf"), backend + "\n");
            for (Path system : SYSTEM_CONFIG_DIRS) {
                Path backendConf = system.resolve(backend + ".conf");
                if (backend.matches("[a-z0-9_]+") && Files.isReadable(backendConf)) {
                    Files.copy(backendConf, configDir.resolve(backend + ".conf"));
                    break;
                }
            }
            BoundedProcess.Result result = BoundedProcess.run(List.of(TOOL, "-L"),
                    Map.of("SANE_CONFIG_DIR", configDir.toString()), Duration.ofSeconds(15));
            String listing = new String(result.stdout());
            if (result.timedOut()) {
                throw new DeviceException("listing SANE devices timed out", RecommendedAction.RECONNECT, true);
            }
            if (!listing.contains("`" + device + "'") && !listing.contains("`" + device + ":")) {
                throw new DeviceException("SANE device " + device + " not found (scanimage -L: "
                        + (listing.isBlank() ? result.stderr() : listing.strip()) + ")", RecommendedAction.RECONNECT, true);
            }
        } catch (IOException e) {
            throw new DeviceException("cannot run " + TOOL + ": " + e.getMessage(), RecommendedAction.CHECK_CONFIGURATION, false, e);
        } finally {
            deleteQuietly(configDir);
        }
    }

    @Override
    public BufferedImage scan() throws DeviceException {
        requireTool();
        List<String> command = new ArrayList<>(List.of(TOOL, "-d", device, "--format=png"));
        options.forEach((key, value) -> command.add("--" + key + "=" + value));
        BoundedProcess.Result result;
        try {
            result = BoundedProcess.run(command, Map.of(), timeout);
        } catch (IOException e) {
            throw new DeviceException("cannot run " + TOOL + ": " + e.getMessage(), RecommendedAction.CHECK_CONFIGURATION, false, e);
        }
        byte[] png = result.stdout();
        try {
            if (result.timedOut()) {
                throw new DeviceException("scan on " + device + " did not finish within " + timeout.toSeconds()
                        + " s (scanner hung or jammed)", RecommendedAction.CALL_MAINTENANCE, true);
            }
            if (result.exitCode() != 0) {
                SaneStatus status = SaneStatus.ofExitCode(result.exitCode());
                throw new DeviceException("scan on " + device + " failed: " + status.meaning + " (SANE status "
                        + status.name() + ", " + TOOL + ": " + result.stderr() + ")", status.action, status.retryable);
            }
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new DeviceException(TOOL + " returned no PNG image (" + png.length + " bytes)",
                        RecommendedAction.CALL_MAINTENANCE, true);
            }
            return image;
        } catch (IOException e) {
            throw new DeviceException("the scan's PNG is unreadable: " + e.getMessage(), RecommendedAction.RETRY, true, e);
        } finally {
            Arrays.fill(png, (byte) 0); // the encoded copy of the citizen's document
        }
    }

    private static void requireTool() throws DeviceException {
        for (String dir : (System.getenv("PATH") == null ? "/usr/bin" : System.getenv("PATH")).split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, TOOL))) {
                return;
            }
        }
        throw new DeviceException(TOOL + " is not installed (Debian package sane-utils)", RecommendedAction.CHECK_CONFIGURATION, false);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temp directory left behind holds only the backend name
        }
    }
}
