package org.openkiosk.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openkiosk.app.config.YamlTree.Entry;
import org.openkiosk.app.service.audit.AuditKey;
import org.openkiosk.app.store.Stores;
import org.openkiosk.device.DeviceClass;
import org.openkiosk.device.face.FaceVerifiers;
import org.openkiosk.device.transport.TransportUri;

/**
 * Turns the parsed {@code kiosk.yaml} tree into a {@link KioskConfig}, checking every field and collecting every
 * problem. Returns {@code null} when there was any problem: a half-valid configuration is never handed out.
 */
final class ConfigBinder {

    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DEFAULT_IDLE_WARNING = Duration.ofSeconds(30);
    static final Duration MIN_IDLE_WARNING = Duration.ofSeconds(20);
    static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    private static final Pattern HELP_PHONE = Pattern.compile("[0-9+][0-9 ()+\\-转]{2,29}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Problems problems;
    private final UnaryOperator<String> environment;
    private final Optional<java.nio.file.Path> configDir;

    ConfigBinder(Problems problems, UnaryOperator<String> environment) {
        this(problems, environment, Optional.empty());
    }

    /** @param configDir where files named in the configuration live; when known, they must exist */
    ConfigBinder(Problems problems, UnaryOperator<String> environment, Optional<java.nio.file.Path> configDir) {
        this.problems = problems;
        this.environment = environment;
        this.configDir = configDir;
    }

    KioskConfig bind(YamlTree.Node rootNode) {
        Section root = Section.root(rootNode, problems);
        KioskIdentity kiosk = identity(root.section("kiosk", true));
        UiSettings ui = ui(root.section("ui", false));
        Map<String, DeviceConfig> devices = devices(root.section("devices", false));
        StoreConfig store = store(root.section("store", false), kiosk != null && kiosk.testInstallation());
        MaintenanceSettings maintenance = maintenance(root.section("maintenance", false));
        AuditSettings audit = audit(root.section("audit", false));
        Optional<FleetSettings> fleet = root.entry("fleet").isEmpty() ? Optional.empty()
                : Optional.ofNullable(new FleetSectionBinder(problems, environment, configDir)
                        .bind(root.section("fleet", false), kiosk));
        Optional<RatingsTargetSettings> ratingsTarget = root.entry("ratingsTarget").isEmpty() ? Optional.empty()
                : Optional.ofNullable(ratingsTarget(root.section("ratingsTarget", false),
                        kiosk != null && kiosk.testInstallation(), store));
        root.rejectUnknownKeys();
        return problems.isEmpty()
                ? new KioskConfig(kiosk, ui, devices, store, maintenance, audit, fleet, ratingsTarget) : null;
    }

    private KioskIdentity identity(Section s) {
        String id = identifier(s, "id", "K-0101");
        String hallId = identifier(s, "hallId", "H-3101");
        Section names = s.section("hallName", true);
        String zh = nonBlank(names, "zh", "市民服务中心");
        String en = nonBlank(names, "en", "Citizen Service Centre");
        names.rejectUnknownKeys();
        boolean testInstallation = s.bool("testInstallation", false);
        Optional<String> helpPhone = helpPhone(s);
        s.rejectUnknownKeys();
        return new KioskIdentity(id, hallId, zh, en, testInstallation, helpPhone);
    }

    /** {@code kiosk.helpPhone}: digits with the usual separators, as a citizen dials it (e.g. 010-12345678 转 8). */
    private static Optional<String> helpPhone(Section s) {
        String value = s.optionalText("helpPhone", null);
        if (value == null) {
            return Optional.empty();
        }
        String phone = value.strip();
        if (!HELP_PHONE.matcher(phone).matches() || phone.chars().filter(Character::isDigit).count() < 3) {
            s.problems().add(s.entry("helpPhone").map(e -> e.value().line()).orElse(s.line()), s.pathOf("helpPhone"),
                    "\"" + value + "\" is not a phone number",
                    "3–20 digits with spaces, '-', '+', '(', ')' or 转 (extension), e.g. 010-12345678 转 8");
            return Optional.empty();
        }
        return Optional.of(phone);
    }

    private String identifier(Section s, String key, String example) {
        String value = s.requiredText(key, example);
        if (value != null && !ID.matcher(value).matches()) {
            s.problems().add(s.entry(key).map(e -> e.value().line()).orElse(s.line()), s.pathOf(key),
                    "\"" + value + "\" is not a valid id",
                    "1–32 letters, digits, '.', '_' or '-', e.g. " + example);
            return null;
        }
        return value;
    }

    private static String nonBlank(Section s, String key, String example) {
        String value = s.requiredText(key, example);
        if (value != null && value.isBlank()) {
            s.missing(key, "e.g. " + key + ": " + example);
            return null;
        }
        return value == null ? null : value.strip();
    }

    private UiSettings ui(Section s) {
        String language = s.choice("language", "zh", List.of("zh", "en"));
        boolean elderMode = s.bool("elderMode", false);
        Duration idleTimeout = atLeast(s, "idleTimeout", DEFAULT_IDLE_TIMEOUT, MIN_IDLE_TIMEOUT,
                "shorter would interrupt citizens while they read");
        Duration idleWarning = atLeast(s, "idleWarning", DEFAULT_IDLE_WARNING, MIN_IDLE_WARNING,
                "citizens need at least 20s to answer \"still there?\"");
        boolean touchMode = s.bool("touchMode", true);
        VoiceSettings voice = voice(s.section("voice", false));
        s.rejectUnknownKeys();
        return new UiSettings(language, elderMode, idleTimeout, idleWarning, touchMode, voice);
    }

    /** {@code ui.voice}: when spoken guidance starts on, and its volume (espeak-ng amplitude). */
    private static VoiceSettings voice(Section s) {
        VoiceSettings.StartsOn startsOn = VoiceSettings.StartsOn.ofWord(
                s.choice("startsOn", VoiceSettings.StartsOn.ELDER.word(), VoiceSettings.StartsOn.words()));
        int volume = VoiceSettings.DEFAULT_VOLUME;
        String text = s.optionalText("volume", null);
        if (text != null) {
            int line = s.entry("volume").orElseThrow().value().line();
            try {
                volume = Integer.parseInt(text.strip());
                if (volume < VoiceSettings.MIN_VOLUME || volume > VoiceSettings.MAX_VOLUME) {
                    s.problems().add(line, s.pathOf("volume"), "must be " + VoiceSettings.MIN_VOLUME + "–"
                            + VoiceSettings.MAX_VOLUME + ", got " + volume,
                            "espeak-ng amplitude: " + VoiceSettings.DEFAULT_VOLUME + " is normal, 0 is silent");
                    volume = VoiceSettings.DEFAULT_VOLUME;
                }
            } catch (NumberFormatException e) {
                s.problems().add(line, s.pathOf("volume"), "\"" + text + "\" is not a whole number",
                        "e.g. volume: " + VoiceSettings.DEFAULT_VOLUME);
            }
        }
        s.rejectUnknownKeys();
        return new VoiceSettings(startsOn, volume);
    }

    private static Duration atLeast(Section s, String key, Duration fallback, Duration minimum, String why) {
        Duration value = s.duration(key, fallback);
        if (value != null && value.compareTo(minimum) < 0) {
            s.problems().add(s.entry(key).map(e -> e.value().line()).orElse(s.line()), s.pathOf(key),
                    "must be at least " + Durations.format(minimum) + ", got " + Durations.format(value), why);
            return null;
        }
        return value;
    }

    /** attempts 1–10, threshold (0, 1], liveness (ADR 0118), previewFps 0–15 (ADR 0185), and the vendor library for facesdk (ADR 0113). */
    private static void faceVerifierOptions(Section s, String driver, Map<String, String> options) {
        Set<String> known = Set.of("attempts", "threshold", "library", "outcome", "liveness", "previewFps");
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                s.problem("options", "unknown face verifier option " + key,
                        "known: attempts, threshold, library, outcome, liveness, previewFps");
            }
        }
        try {
            FaceVerifiers.attempts(options);
            FaceVerifiers.threshold(options);
        } catch (IllegalArgumentException e) {
            s.problem("options", e.getMessage(), "");
        }
        try {
            FaceVerifiers.previewFps(options);
        } catch (IllegalArgumentException e) {
            s.problem("options", e.getMessage(), "the face screen's live camera preview, frames per second");
        }
        try {
            FaceVerifiers.liveness(options);
        } catch (IllegalArgumentException e) {
            s.problem("options", e.getMessage(), "required: every check proves a live face; optional: where the"
                    + " matcher offers it; off");
        }
        if (driver.equals(FaceVerifiers.FACESDK) && (options.get("library") == null || options.get("library").isBlank())) {
            s.problem(s.entry("options").isPresent() ? "options" : "driver", "driver facesdk needs options.library",
                    "the vendor's face SDK, e.g. library: /opt/vendor/libfacesdk.so");
        }
    }

    private Map<String, DeviceConfig> devices(Section s) {
        Map<String, DeviceConfig> devices = new LinkedHashMap<>();
        for (Entry e : s.entries()) {
            Optional<DeviceClass> deviceClass = DriverCatalog.deviceClassOf(e.key());
            if (deviceClass.isEmpty()) {
                s.unknownKey(e, DriverCatalog.logicalNames());
                continue;
            }
            DeviceConfig device = device(s.nested(e), deviceClass.get());
            if (device != null) {
                devices.put(e.key(), device);
            }
        }
        return devices;
    }

    private DeviceConfig device(Section s, DeviceClass deviceClass) {
        String driver = s.requiredText("driver", DriverCatalog.driversFor(deviceClass).get(0));
        if (driver != null && !DriverCatalog.isKnownDriver(deviceClass, driver)) {
            problems.add(s.entry("driver").orElseThrow().value().line(), s.pathOf("driver"),
                    "unknown driver \"" + driver + "\"",
                    "known: " + String.join(", ", DriverCatalog.driversFor(deviceClass)));
            driver = null;
        }
        TransportUri uri = uri(s, driver, deviceClass);
        boolean required = s.bool("required", true);
        Map<String, String> options = s.stringMap("options");
        if (deviceClass == DeviceClass.FACE_VERIFIER && driver != null) {
            faceVerifierOptions(s, driver, options);
        }
        s.rejectUnknownKeys();
        return driver == null || uri == null ? null : new DeviceConfig(driver, uri, required, options);
    }

    private TransportUri uri(Section s, String driver, DeviceClass deviceClass) {
        Optional<Entry> entry = s.entry("uri");
        if (entry.isEmpty() && DriverCatalog.SIMULATOR.equals(driver)) {
            return TransportUri.parse("sim:");
        }
        String text = s.requiredText("uri", "serial:/dev/ttyUSB0?baud=115200");
        if (text == null) {
            return null;
        }
        int line = entry.orElseThrow().value().line();
        TransportUri uri;
        try {
            uri = TransportUri.parse(text.strip());
        } catch (IllegalArgumentException e) {
            String hint = text.strip().equals("sim") ? "write \"sim:\" (with the colon, in quotes)"
                    : "forms: serial:/dev/ttyUSB0?baud=115200, tcp://HOST:PORT, usblp:/dev/usb/lp0, cups:QUEUE, "
                    + "sane:DEVICE, wedge:, sdtapi:LIB?port=N, sim:";
            problems.add(line, s.pathOf("uri"), e.getMessage(), hint);
            return null;
        }
        if (driver != null && !uri.isSimulator()) {
            List<String> schemes = DriverCatalog.schemesFor(deviceClass, driver);
            if (!schemes.contains(uri.scheme())) {
                problems.add(line, s.pathOf("uri"), "driver " + driver + " cannot use a " + uri.scheme() + ": URI",
                        "use " + String.join(":, ", schemes) + ":");
                return null;
            }
        }
        if (uri.scheme().equals("v4l2")) { // the camera's parameters, checked here with the line (ADR 0117)
            try {
                new org.openkiosk.device.face.FfmpegCamera(uri);
            } catch (IllegalArgumentException e) {
                problems.add(line, s.pathOf("uri"), e.getMessage(),
                        "e.g. v4l2:/dev/video0?width=640&warmupFrames=5&timeoutSeconds=5");
                return null;
            }
        }
        return uri;
    }

    /** @param testInstallation a test installation may connect to PostgreSQL without verifying its certificate */
    private StoreConfig store(Section s, boolean testInstallation) {
        String type = s.choice("type", "embedded", List.of("embedded", "postgresql"));
        String url = s.optionalText("url", null);
        String user = s.optionalText("user", null);
        String passwordAsWritten = s.optionalText("password", null);
        String password = expandEnvironment(s, "password");
        if ("postgresql".equals(type)) {
            if (url == null || url.isBlank()) {
                s.missing("url", "e.g. url: jdbc:postgresql://10.1.2.5:5432/kiosk");
            } else if (!url.startsWith("jdbc:postgresql:")) {
                problems.add(s.entry("url").orElseThrow().value().line(), s.pathOf("url"),
                        "\"" + url + "\" is not a PostgreSQL JDBC URL", "e.g. jdbc:postgresql://10.1.2.5:5432/kiosk");
            } else {
                Matcher sslmode = Pattern.compile("[?&]sslmode=([^&]*)").matcher(url);
                if (sslmode.find() && !sslmode.group(1).equals(Stores.POSTGRESQL_SSLMODE) && !testInstallation) {
                    problems.add(s.entry("url").orElseThrow().value().line(), s.pathOf("url"),
                            "sslmode=" + sslmode.group(1) + " does not verify the database server (booking data and ID"
                                    + " numbers travel on this link)", "leave sslmode out (verify-full is the default),"
                                    + " or set kiosk.testInstallation: true for a test installation");
                }
            }
        }
        Integer walkInReserve = s.integer("walkInReserve", StoreConfig.DEFAULT_WALK_IN_RESERVE, 1, 10_000);
        java.time.Duration retryMax = s.duration("forwardRetryMax", StoreConfig.DEFAULT_FORWARD_RETRY_MAX);
        if (retryMax != null && (retryMax.compareTo(java.time.Duration.ofSeconds(1)) < 0
                || retryMax.compareTo(java.time.Duration.ofMinutes(10)) > 0)) {
            problems.add(s.entry("forwardRetryMax").orElseThrow().value().line(), s.pathOf("forwardRetryMax"),
                    "must be from 1s to 10m, got " + retryMax.toSeconds() + "s",
                    "the kiosk retries forwarding at most this long apart during an outage, e.g. 30s");
            retryMax = null;
        }
        s.rejectUnknownKeys();
        return new StoreConfig(type, url, user, password, passwordAsWritten,
                walkInReserve == null ? StoreConfig.DEFAULT_WALK_IN_RESERVE : walkInReserve,
                retryMax == null ? StoreConfig.DEFAULT_FORWARD_RETRY_MAX : retryMax);
    }

    /**
     * {@code ratingsTarget:} the evaluation platform (ADR 0162), checked like the service platform
     * ({@link HttpEndpointRules}). Ratings reach it through the journal's shipper, so it needs a hall store.
     */
    private RatingsTargetSettings ratingsTarget(Section s, boolean testInstallation, StoreConfig store) {
        String baseUrl = HttpEndpointRules.baseUrl(s, "https://pj.zwfw.example.gov.cn/kiosk", testInstallation,
                "the evaluation platform", "ratings and the kiosk's token",
                "plain http:// only with kiosk.testInstallation: true");
        Integer connect = s.integer("connectTimeoutMs", RatingsTargetSettings.DEFAULT_CONNECT_TIMEOUT_MS, 100, 60_000);
        Integer request = s.integer("requestTimeoutMs", RatingsTargetSettings.DEFAULT_REQUEST_TIMEOUT_MS, 100,
                120_000);
        String caFile = HttpEndpointRules.caFile(s, "/etc/openkiosk/ratings-ca.pem", "the evaluation platform's");
        String token = HttpEndpointRules.tokenEnvironment(s, "KIOSK_RATINGS_TOKEN");
        if (token != null && token.matches("[A-Za-z_][A-Za-z0-9_]*") && environment.apply(token) == null) {
            s.problem("tokenEnvironment", "environment variable " + token + " is not set",
                    "set it for the kiosk's service (the evaluation platform's token for this kiosk)");
        }
        Duration retryMax = s.duration("retryMax", RatingsTargetSettings.DEFAULT_RETRY_MAX);
        if (retryMax != null && (retryMax.compareTo(Duration.ofSeconds(1)) < 0
                || retryMax.compareTo(Duration.ofHours(1)) > 0)) {
            s.problem("retryMax", "must be from 1s to 1h, got " + retryMax.toSeconds() + "s",
                    "the kiosk retries a rating at most this long apart while the platform is away, e.g. 5m");
            retryMax = null;
        }
        if (store != null && !store.shared()) {
            s.problem(s.entry("baseUrl").isPresent() ? "baseUrl" : "retryMax",
                    "ratings reach the evaluation platform from the hall journal, which only a hall kiosk keeps",
                    "set store.type: postgresql, or remove ratingsTarget:");
        }
        s.rejectUnknownKeys();
        return baseUrl == null ? null : new RatingsTargetSettings(baseUrl, connect == null
                ? RatingsTargetSettings.DEFAULT_CONNECT_TIMEOUT_MS : connect, request == null
                ? RatingsTargetSettings.DEFAULT_REQUEST_TIMEOUT_MS : request, token, caFile,
                retryMax == null ? RatingsTargetSettings.DEFAULT_RETRY_MAX : retryMax);
    }

    /** The technicians' PIN, as a salted hash written by {@code ./kiosk maintenance hash-pin}. */
    private MaintenanceSettings maintenance(Section s) {
        String pinHash = s.optionalText("pinHash", null);
        if (pinHash != null) {
            Optional<String> problem = MaintenanceSettings.formatProblem(pinHash.strip());
            if (problem.isPresent()) {
                problems.add(s.entry("pinHash").orElseThrow().value().line(), s.pathOf("pinHash"), problem.get(),
                        "generate it with: printf PIN | ./kiosk maintenance hash-pin");
                pinHash = null;
            } else {
                pinHash = pinHash.strip();
            }
        }
        s.rejectUnknownKeys();
        return new MaintenanceSettings(Optional.ofNullable(pinHash));
    }

    /**
     * The audit chain's key: a file only the kiosk user can read, or an environment variable (ADR 0064); the key
     * itself is checked here but never kept in the configuration.
     */
    private AuditSettings audit(Section s) {
        Optional<Path> keyFile = Optional.ofNullable(s.optionalText("keyFile", null)).map(String::strip).map(Path::of);
        Optional<String> keyVariable = Optional.ofNullable(s.optionalText("keyEnv", null)).map(String::strip);
        Optional<Path> headFile = Optional.ofNullable(s.optionalText("headFile", null)).map(String::strip).map(Path::of);
        if (keyFile.isPresent() && keyVariable.isPresent()) {
            problems.add(s.entry("keyEnv").orElseThrow().value().line(), s.pathOf("keyEnv"),
                    "give keyFile or keyEnv, not both", "keep the one that holds the kiosk's audit key");
        } else if (keyFile.isPresent()) {
            AuditKeyFile.fileProblem(keyFile.get()).ifPresent(problem -> problems.add(
                    s.entry("keyFile").orElseThrow().value().line(), s.pathOf("keyFile"), problem,
                    "create a key with: ./kiosk audit keygen --out " + keyFile.get()
                            + " (as the kiosk user; it is written readable by that user only)"));
        } else if (keyVariable.isPresent()) {
            int line = s.entry("keyEnv").orElseThrow().value().line();
            String value = ENV_NAME.matcher(keyVariable.get()).matches() ? environment.apply(keyVariable.get()) : null;
            if (!ENV_NAME.matcher(keyVariable.get()).matches()) {
                problems.add(line, s.pathOf("keyEnv"), "\"" + keyVariable.get() + "\" is not an environment variable name",
                        "e.g. keyEnv: KIOSK_AUDIT_KEY");
            } else if (value == null) {
                problems.add(line, s.pathOf("keyEnv"), "environment variable " + keyVariable.get() + " is not set",
                        "set it for the kiosk's service (64 hex digits, e.g. from ./kiosk audit keygen)");
            } else {
                AuditKeyFile.textProblem(value).ifPresent(problem -> problems.add(line, s.pathOf("keyEnv"),
                        "environment variable " + keyVariable.get() + " does not hold an audit key", problem));
            }
        }
        if (headFile.isPresent() && !headFile.get().isAbsolute()) {
            problems.add(s.entry("headFile").orElseThrow().value().line(), s.pathOf("headFile"),
                    "the head file must be an absolute path, not " + headFile.get(),
                    "e.g. headFile: /var/lib/openkiosk/audit.head (default: audit.head in the data directory)");
        }
        s.rejectUnknownKeys();
        return new AuditSettings(keyFile, keyVariable, headFile);
    }

    /** {@code password: ${KIOSK_DB_PASSWORD}} keeps secrets out of the file. */
    private String expandEnvironment(Section s, String key) {
        String value = s.optionalText(key, null);
        if (value == null) {
            return null;
        }
        Matcher m = ENV_REFERENCE.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String resolved = environment.apply(m.group(1));
            if (resolved == null) {
                problems.add(s.entry(key).orElseThrow().value().line(), s.pathOf(key),
                        "environment variable " + m.group(1) + " is not set",
                        "set it for the kiosk's service, or write the value directly");
                resolved = "";
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(resolved));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
