package org.openkiosk.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.pkg.UnpackedPackage.Run;
import org.openkiosk.testsupport.Poll;
import org.openkiosk.testsupport.RequiredTool;

/**
 * The shipped kiosk session ({@code opt/openkiosk/bin/kiosk-session} from the unpacked .deb, ADR 0125): cage on its
 * headless backend, with XWayland, runs the real kiosk (the demo) fullscreen. The attract screen is captured from the
 * session's X server; escape attempts typed through XTEST (Alt+F4, Ctrl+Alt+Backspace, Ctrl+Alt+F2, Alt+Tab, Super,
 * Esc, F11) and a minimise request leave it running, fullscreen and focused; the kiosk's exit code comes back through
 * cage (what lets the unit's {@code RestartPreventExitStatus=2} work).
 *
 * <p>cage refuses to run as root: as root the session runs as {@code nobody} in a mount namespace with a /tmp of its
 * own (XWayland's lock files and sockets; this machine's /tmp need not be writable by others). What cannot be shown
 * headless: the compositor's own refusal of VT switches (no VT here) and its output (grim captures black frames from
 * cage's headless pixman output, so the screenshot is XWayland's).
 */
class KioskSessionTest {

    /** cage's headless backend makes one 1280×720 output. */
    private static final String HEADLESS_OUTPUT = "1280x720";

    private Path root;
    private Path work;
    private Process session;
    private Path sessionLog;
    private boolean asRoot;

    @BeforeEach
    void sessionTools() throws Exception {
        RequiredTool.command("cage", "cage");
        RequiredTool.command("Xwayland", "xwayland");
        RequiredTool.command("xdotool", "xdotool");
        RequiredTool.command("xwd", "x11-apps");
        RequiredTool.command("xprop", "x11-utils");
        asRoot = "root".equals(System.getProperty("user.name"));
        if (asRoot) {
            RequiredTool.command("unshare", "util-linux");
            RequiredTool.command("setpriv", "util-linux");
            RequiredTool.command("nsenter", "util-linux");
        }
        root = UnpackedPackage.root();
        work = Files.createTempDirectory(root, "session");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    @AfterEach
    void endSession() throws Exception {
        if (session != null && session.isAlive()) {
            session.descendants().forEach(ProcessHandle::destroy);
            session.destroy();
            if (!session.waitFor(30, TimeUnit.SECONDS)) {
                session.descendants().forEach(ProcessHandle::destroyForcibly);
                session.destroyForcibly();
            }
        }
    }

    @Test
    void theKioskRunsFullscreenInTheSessionAndStaysThereThroughEscapeAttempts() throws Exception {
        start("demo");
        ProcessHandle kiosk = Poll.value(Duration.ofSeconds(180), "the kiosk's java under cage", () ->
                session.descendants().filter(p -> p.info().command().orElse("").endsWith("/runtime/bin/java"))
                        .findFirst());
        String display = Poll.value(Duration.ofSeconds(60), "the DISPLAY cage gave the kiosk", () -> displayOf(kiosk));
        Poll.until(Duration.ofSeconds(180), "the attract screen", () -> log().contains("screen attract"));
        String window = Poll.value(Duration.ofSeconds(60), "a fullscreen, focused kiosk window",
                () -> fullscreenFocusedWindow(display));
        // the window is mapped before JavaFX's first frame reaches it: wait for a drawn screen, not a blank window
        Poll.value(Duration.ofSeconds(60), "the attract screen drawn in the kiosk window",
                () -> Optional.of(capture(display, window, "session-attract.png")).filter(KioskSessionTest::drawn));

        Run keys = inSession(display, "xdotool", "key", "--clearmodifiers", "alt+F4", "ctrl+alt+BackSpace",
                "ctrl+alt+F2", "alt+Tab", "super", "Escape", "F11");
        assertThat(keys.exit()).as(keys.output()).isZero();
        inSession(display, "xdotool", "windowminimize", window);
        // after the escape attempts the same window is still the focused, fullscreen one
        Poll.value(Duration.ofSeconds(30), "the kiosk window fullscreen and focused again",
                () -> fullscreenFocusedWindow(display).filter(window::equals));
        assertThat(kiosk.isAlive()).as(log()).isTrue();
        Poll.value(Duration.ofSeconds(30), "the attract screen still drawn",
                () -> Optional.of(capture(display, window, "session-after-escape-keys.png")).filter(KioskSessionTest::drawn));
        assertThat(log()).doesNotContain("stopped");

        // systemctl stop: SIGTERM closes the kiosk cleanly (ADR 0102) and the session ends with the kiosk's own 0;
        // that a non-zero code comes back through cage (whose own code is always 0) is the next test
        kiosk.destroy();
        assertThat(session.waitFor(60, TimeUnit.SECONDS)).as(log()).isTrue();
        assertThat(log()).contains("SIGTERM received: stopping the kiosk");
        assertThat(session.exitValue()).as(log()).isZero();
    }

    @Test
    void aBadUsageEndsTheSessionWithTheKiosksExitCodeTwo() throws Exception {
        start("run", "--no-such-option");
        assertThat(session.waitFor(180, TimeUnit.SECONDS)).as("session ended").isTrue();
        assertThat(session.exitValue()).as(log()).isEqualTo(2);
    }

    private void start(String... kioskArgs) throws IOException {
        Path data = Files.createDirectories(work.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        Map<String, String> env = Map.of("HOME", data.toString(), "KIOSK_DATA", data.toString(),
                "KIOSK_CONFIG", root.resolve("etc/openkiosk").toString(), "PATH", "/usr/bin:/bin",
                "WLR_BACKENDS", "headless", "WLR_LIBINPUT_NO_DEVICES", "1", "WLR_RENDERER", "pixman");
        List<String> cmd = new ArrayList<>();
        String kioskSession = root.resolve("opt/openkiosk/bin/kiosk-session").toString();
        if (asRoot) {
            // a /tmp of its own, then as nobody (exec keeps this process's id for nsenter); a checkout that itself
            // lies under /tmp is bound back into the new /tmp through a directory descriptor opened before the mount
            String keep = keptUnderTmp(root);
            String bindBack = keep.isEmpty() ? "" : " && mkdir -p '" + keep + "'"
                    + " && mount --no-canonicalize --bind /proc/self/fd/3 '" + keep + "'";
            cmd.addAll(List.of("unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
                    (keep.isEmpty() ? "" : "exec 3< '" + keep + "' && ")
                            + "mount -t tmpfs -o mode=1777 tmpfs /tmp" + bindBack
                            + " && install -d -m 0700 -o nobody /tmp/xdg"
                            + " && exec 3<&- && exec setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all"
                            + " env XDG_RUNTIME_DIR=/tmp/xdg \"$@\"", "sh"));
        } else {
            Path xdg = Files.createDirectories(work.resolve("xdg"));
            Files.setPosixFilePermissions(xdg, PosixFilePermissions.fromString("rwx------"));
            cmd.addAll(List.of("env", "XDG_RUNTIME_DIR=" + xdg));
        }
        cmd.add(kioskSession);
        cmd.addAll(List.of(kioskArgs));
        sessionLog = work.resolve("session.log");
        session = UnpackedPackage.withoutCallersEnvironment(new ProcessBuilder(cmd), env)
                .redirectOutput(sessionLog.toFile()).start();
    }

    /** The top directory under /tmp that holds {@code path} (e.g. a clone in /tmp/fresh), or "" when not under /tmp. */
    static String keptUnderTmp(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path tmp = Path.of("/tmp");
        return absolute.startsWith(tmp) && absolute.getNameCount() > 1 ? tmp.resolve(absolute.getName(1)).toString() : "";
    }

    /** Runs a command beside the session: in its mount namespace and as its user when the test is root. */
    private Run inSession(String display, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asRoot) {
            cmd.addAll(List.of("nsenter", "-t", Long.toString(session.pid()), "-m",
                    "setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        cmd.addAll(List.of("env", "DISPLAY=" + display));
        cmd.addAll(List.of(command));
        return UnpackedPackage.run(Map.of(), cmd.toArray(String[]::new));
    }

    private Optional<String> fullscreenFocusedWindow(String display) throws Exception {
        Run focus = inSession(display, "xdotool", "getwindowfocus", "getwindowgeometry");
        if (focus.exit() != 0 || !focus.output().contains("Geometry: " + HEADLESS_OUTPUT)) {
            return Optional.empty();
        }
        String window = focus.output().lines().filter(l -> l.startsWith("Window ")).findFirst()
                .map(l -> l.substring("Window ".length()).strip()).orElseThrow();
        Run state = inSession(display, "xprop", "-id", window, "_NET_WM_STATE");
        boolean fullscreenAndFocused = state.output().contains("_NET_WM_STATE_FULLSCREEN")
                && state.output().contains("_NET_WM_STATE_FOCUSED");
        return fullscreenAndFocused ? Optional.of(window) : Optional.empty();
    }

    private BufferedImage capture(String display, String window, String png) throws Exception {
        Path xwd = work.resolve(png.replace(".png", ".xwd"));
        Run r = inSession(display, "sh", "-c", "xwd -silent -id \"$0\" > \"$1\"", window, xwd.toString());
        assertThat(r.exit()).as(r.output()).isZero();
        BufferedImage image;
        try (InputStream in = Files.newInputStream(xwd)) {
            image = XwdImage.read(in);
        }
        ImageIO.write(image, "png", UnpackedPackage.TARGET.resolve(png).toFile());
        return image;
    }

    /**
     * A whole frame of a screen, not the blank or half-drawn window before it: several colours, and not mostly the
     * white of an unpainted X window (the attract screen is about 40 % white cards, a half-drawn frame over 90 %).
     */
    private static boolean drawn(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        int samples = 0;
        int white = 0;
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                seen.add(rgb);
                samples++;
                white += rgb == 0xffffff ? 1 : 0;
            }
        }
        return seen.size() > 8 && white < samples * 0.7;
    }

    private static Optional<String> displayOf(ProcessHandle process) throws IOException {
        Path environ = Path.of("/proc", Long.toString(process.pid()), "environ");
        for (String entry : new String(Files.readAllBytes(environ)).split("\0")) {
            if (entry.startsWith("DISPLAY=")) {
                return Optional.of(entry.substring("DISPLAY=".length()));
            }
        }
        return Optional.empty();
    }

    private String log() {
        try {
            return Files.readString(sessionLog);
        } catch (IOException e) {
            return "(no session log: " + e + ")";
        }
    }

    /** The X Window Dump format {@code xwd} writes, for the 24/32-bit TrueColor windows XWayland has. */
    static final class XwdImage {

        private XwdImage() {}

        static BufferedImage read(InputStream stream) throws IOException {
            DataInputStream in = new DataInputStream(stream);
            int[] header = new int[25];
            for (int i = 0; i < header.length; i++) {
                header[i] = in.readInt();
            }
            int headerSize = header[0];
            int width = header[4];
            int height = header[5];
            int byteOrder = header[7];
            int bitsPerPixel = header[11];
            int bytesPerLine = header[12];
            int colours = header[19];
            if (bitsPerPixel != 32) {
                throw new IOException("xwd: " + bitsPerPixel + " bits per pixel (only 32 is read)");
            }
            in.skipNBytes(headerSize - 100L + colours * 12L);
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            byte[] line = new byte[bytesPerLine];
            for (int y = 0; y < height; y++) {
                in.readFully(line);
                for (int x = 0; x < width; x++) {
                    int o = x * 4;
                    int pixel = byteOrder == 0 // LSBFirst: B G R X
                            ? (line[o] & 0xff) | (line[o + 1] & 0xff) << 8 | (line[o + 2] & 0xff) << 16
                            : (line[o + 3] & 0xff) | (line[o + 2] & 0xff) << 8 | (line[o + 1] & 0xff) << 16;
                    image.setRGB(x, y, pixel);
                }
            }
            return image;
        }
    }
}
