package org.openkiosk.app.doctor;

import com.fazecast.jSerialComm.SerialPort;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.ConfigProblem;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.fonts.BundledFonts;

/** The individual checks of {@link Doctor}; each returns a result and never throws for an expected failure. */
final class SystemChecks {

    static final int MINIMUM_JAVA = 17;
    /** Text the bundled font must render: the demo hall's name and rare name characters. */
    static final String CHINESE_SAMPLE = "市公安局政务服务中心自助服务区欧阳梅䶮镕";
    /** OS tools the drivers and tests use, with what for. */
    static final String[][] OS_TOOLS = {
            {"lp", "prints to CUPS queues (cups: URIs)"},
            {"lpstat", "lists CUPS queues and printer states"},
            {"scanimage", "SANE document scanners (sane: URIs)"},
            {"ffmpeg", "V4L2 cameras of face verification (v4l2: URIs, ADR 0117)"},
            {"socat", "pseudo-terminal pairs for serial tests and simulators"},
            {"espeak-ng", "spoken guidance (语音引导); without it the kiosk is silent"},
    };

    private SystemChecks() {}

    static CheckResult java() {
        Runtime.Version v = Runtime.version();
        String detail = "Java " + v + " (" + System.getProperty("java.vendor") + "), " + MINIMUM_JAVA + " or newer required";
        return v.feature() >= MINIMUM_JAVA ? CheckResult.pass("Java", true, detail) : CheckResult.fail("Java", true, detail);
    }

    static CheckResult configurationValid(KioskConfig config, Path configDir) {
        return CheckResult.pass("configuration", true, "valid: kiosk " + config.kiosk().id() + ", "
                + config.devices().size() + " devices, store " + config.store().type() + " — " + configDir);
    }

    static CheckResult configurationInvalid(ConfigException e, Path configDir) {
        List<String> notes = e.problems().stream().map(ConfigProblem::toString).toList();
        return new CheckResult("configuration", true, false, e.problems().size() + " problem(s) in " + configDir
                + " (details: kiosk config validate " + configDir + ")", notes);
    }

    /** Creates the directory if needed and proves it can hold a durable file. */
    static CheckResult dataDirectory(Path dataDir) {
        String label = "data directory";
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            return CheckResult.fail(label, true, "not writable: " + dataDir + " (exists but is not a directory)");
        }
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".doctor-", ".probe");
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap("ok".getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            } finally {
                Files.deleteIfExists(probe);
            }
            long freeMb = Files.getFileStore(dataDir).getUsableSpace() / (1024 * 1024);
            return CheckResult.pass(label, true, "writable: " + dataDir + " (" + freeMb + " MB free)");
        } catch (IOException | SecurityException e) {
            return CheckResult.fail(label, true, "not writable: " + dataDir + " (" + e + ")");
        }
    }

    /** Loads both bundled faces as AWT fonts and checks that they cover Chinese text. */
    static CheckResult bundledFonts() {
        String label = "bundled font";
        for (BundledFonts face : BundledFonts.values()) {
            try (InputStream in = face.open()) {
                Font font = Font.createFont(Font.TRUETYPE_FONT, in);
                int missing = font.canDisplayUpTo(CHINESE_SAMPLE);
                if (missing >= 0) {
                    return CheckResult.fail(label, true, face.fileName() + " has no glyph for '"
                            + CHINESE_SAMPLE.charAt(missing) + "'");
                }
            } catch (IOException | FontFormatException | RuntimeException e) {
                return CheckResult.fail(label, true, face.fileName() + " cannot be loaded: " + e);
            }
        }
        return CheckResult.pass(label, true, BundledFonts.FAMILY + " (regular, bold) loads and covers Chinese text");
    }

    /** Loads jSerialComm's native library by listing the ports. */
    static CheckResult serialPorts(boolean required) {
        String label = "serial ports";
        try {
            SerialPort[] ports = SerialPort.getCommPorts();
            String names = ports.length == 0 ? "none found"
                    : Arrays.stream(ports).map(SerialPort::getSystemPortPath).collect(Collectors.joining(", "));
            return CheckResult.pass(label, required, "jSerialComm " + SerialPort.getVersion() + " native library loaded; "
                    + ports.length + " port(s): " + names);
        } catch (Throwable e) { // UnsatisfiedLinkError and friends: the native part is what we check
            return CheckResult.fail(label, required, "jSerialComm native library does not load: " + e
                    + (required ? "" : " (no serial device configured)"));
        }
    }

    /**
     * A sound card for spoken guidance, from the kernel's list ({@code /proc/asound/cards}). Never blocking: a
     * kiosk without one serves silently.
     */
    static CheckResult audio(Path cardsFile) {
        String label = "audio";
        List<String> cards = org.openkiosk.app.voice.AudioDevices.cards(cardsFile);
        if (cards.isEmpty()) {
            return CheckResult.fail(label, false, "no sound card (" + cardsFile + " lists none): spoken guidance "
                    + "is silent; connect speakers or a USB sound card to have the kiosk speak");
        }
        return CheckResult.pass(label, false, cards.size() + " sound card(s): " + String.join("; ", cards));
    }

    /** Where the OS print system keeps its configuration. */
    static final Path CUPSD_CONF = Path.of("/etc/cups/cupsd.conf");

    /**
     * Certificates must not outlive their print job in {@code /var/spool/cups}: CUPS keeps job files for a day unless
     * {@code cupsd.conf} says {@code PreserveJobFiles No} (the last occurrence counts, as in cupsd).
     */
    static CheckResult cupsJobFiles(Path cupsdConf) {
        String label = "CUPS job files";
        List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(cupsdConf);
        } catch (java.io.IOException e) {
            return CheckResult.fail(label, true, "cannot read " + cupsdConf + " (" + e.getMessage() + "): cannot tell"
                    + " whether printed certificates stay in /var/spool/cups");
        }
        String value = null;
        for (String line : lines) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 2 && words[0].equalsIgnoreCase("PreserveJobFiles")) {
                value = words[1];
            }
        }
        if (value != null && List.of("no", "off", "false", "0").contains(value.toLowerCase(java.util.Locale.ROOT))) {
            return CheckResult.pass(label, true, cupsdConf + ": PreserveJobFiles " + value
                    + " — printed certificates do not stay in the spool");
        }
        return CheckResult.fail(label, true, cupsdConf + ": PreserveJobFiles " + (value == null ? "not set (CUPS keeps"
                + " job files for a day by default)" : value) + " — printed certificates stay in /var/spool/cups; set"
                + " \"PreserveJobFiles No\" and restart cups");
    }

    /**
     * A face verifier's V4L2 camera: ffmpeg on the PATH, and the device node present and readable by this user
     * (the kiosk user needs the {@code video} group). Nothing is captured: the camera light stays off.
     */
    static CheckResult camera(Path device, boolean required, UnaryOperator<String> environment) {
        String label = "camera " + device;
        if (findOnPath(org.openkiosk.device.face.FfmpegCamera.TOOL, environment.apply("PATH")).isEmpty()) {
            return CheckResult.fail(label, required, "ffmpeg is not installed (Debian package "
                    + org.openkiosk.device.face.FfmpegCamera.DEBIAN_PACKAGE + "): face verification cannot capture");
        }
        if (!Files.exists(device) || Files.isRegularFile(device) || Files.isDirectory(device)) {
            return CheckResult.fail(label, required, "no camera at " + device + " — plugged in? `ls /dev/video*`"
                    + " lists the cameras the kernel sees");
        }
        if (!Files.isReadable(device)) {
            return CheckResult.fail(label, required, device + " is not readable by this user — add the kiosk user to"
                    + " the video group");
        }
        return CheckResult.pass(label, required, device + " present, captured through ffmpeg");
    }

    static final String CARD_PHOTO_DECODER = "card photo decoder";

    /**
     * Who decodes the card's photo (WLT, GA 467) for face verification (ADR 0113, 0187): the kiosk never guesses the
     * format. With {@code facesdk} it is the vendor's library: present, loadable, with {@code
     * FACE_CompareWithCardPhoto} (which takes the WLT photo); nothing is initialised or compared. With {@code
     * platform} the platform decodes it; the simulated matcher needs none.
     */
    static CheckResult cardPhotoDecoder(org.openkiosk.app.config.DeviceConfig face) {
        String label = CARD_PHOTO_DECODER;
        boolean required = face.required();
        return switch (face.driver()) {
            case org.openkiosk.device.face.FaceVerifiers.FACESDK -> {
                String library = face.options().get("library");
                if (library == null || library.isBlank()) {
                    yield CheckResult.fail(label, required, "the face verifier's 'library' option (the vendor face SDK"
                            + " that decodes the card photo) is not set; face verification cannot run");
                }
                if (!Files.isRegularFile(Path.of(library))) {
                    yield CheckResult.fail(label, required, "the vendor face SDK " + library + " is not installed: it"
                            + " decodes the card photo (WLT) and compares faces; face verification cannot run");
                }
                if (!Files.isReadable(Path.of(library))) {
                    yield CheckResult.fail(label, required, library + " is not readable by this user");
                }
                try {
                    com.sun.jna.NativeLibrary.getInstance(library).getFunction("FACE_CompareWithCardPhoto");
                    yield CheckResult.pass(label, required, library + " loads and has FACE_CompareWithCardPhoto: the"
                            + " vendor SDK decodes the card photo (WLT)");
                } catch (UnsatisfiedLinkError e) {
                    yield CheckResult.fail(label, required, library + " does not load or lacks"
                            + " FACE_CompareWithCardPhoto (" + e.getMessage() + "): a missing dependency, another"
                            + " architecture, or a shim that does not map the vendor's names");
                }
            }
            case org.openkiosk.device.face.FaceVerifiers.PLATFORM -> CheckResult.pass(label, false,
                    "the service platform decodes the card photo (WLT): no decoder on the kiosk");
            default -> CheckResult.pass(label, false, "simulated face matcher: no card photo decoder needed");
        };
    }

    static CheckResult osTool(String name, String purpose, UnaryOperator<String> environment) {
        Optional<Path> found = findOnPath(name, environment.apply("PATH"));
        return found.map(p -> CheckResult.pass(name, false, p + " — " + purpose))
                .orElseGet(() -> CheckResult.fail(name, false, "not installed — " + purpose));
    }

    static Optional<Path> findOnPath(String name, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The kiosk window needs a display; over SSH there usually is none (use xvfb-run for a headless try). */
    static CheckResult display(UnaryOperator<String> environment) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") && !os.contains("bsd")) {
            return CheckResult.pass("display", false, "desktop OS (" + System.getProperty("os.name") + ")");
        }
        String x = environment.apply("DISPLAY");
        String wayland = environment.apply("WAYLAND_DISPLAY");
        if (x != null && !x.isBlank()) {
            return CheckResult.pass("display", false, "X11 display " + x);
        }
        if (wayland != null && !wayland.isBlank()) {
            return CheckResult.pass("display", false, "Wayland display " + wayland);
        }
        return CheckResult.fail("display", false,
                "none (DISPLAY and WAYLAND_DISPLAY unset); the kiosk window needs one — try xvfb-run -a ./kiosk demo --windowed");
    }
}
