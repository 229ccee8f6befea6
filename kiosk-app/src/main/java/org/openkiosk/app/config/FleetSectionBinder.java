package org.openkiosk.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.openkiosk.app.config.YamlTree.Entry;
import org.openkiosk.app.config.YamlTree.ListNode;
import org.openkiosk.app.config.YamlTree.Node;
import org.openkiosk.app.config.YamlTree.ScalarNode;

/**
 * Binds the {@code fleet:} section. Files are named relative to the configuration directory; when that directory
 * is known they must exist, and operator keys must be Ed25519 public keys, so a typo is found before the kiosk
 * starts rather than on the first command.
 */
final class FleetSectionBinder {

    /** A topic level: no MQTT wildcards or separators, short enough for ACL patterns. */
    private static final Pattern TOPIC_LEVEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    static final Duration MIN_HEARTBEAT = Duration.ofSeconds(5);
    static final Duration MIN_KEEP_ALIVE = Duration.ofSeconds(5);
    static final Duration MAX_KEEP_ALIVE = Duration.ofSeconds(65535);

    private final Problems problems;
    private final UnaryOperator<String> environment;
    private final Optional<Path> configDir;

    FleetSectionBinder(Problems problems, UnaryOperator<String> environment, Optional<Path> configDir) {
        this.problems = problems;
        this.environment = environment;
        this.configDir = configDir;
    }

    FleetSettings bind(Section s, KioskIdentity identity) {
        URI broker = broker(s);
        boolean tls = broker != null && "mqtts".equals(broker.getScheme());
        Optional<Path> caFile = file(s, "caFile");
        if (caFile.isPresent() && broker != null && !tls) {
            problems.add(line(s, "caFile"), s.pathOf("caFile"), "a CA file needs an mqtts:// broker",
                    "write broker: mqtts://HOST:8883, or remove caFile");
        }
        Optional<String> username = Optional.ofNullable(s.optionalText("username", null)).map(String::strip)
                .filter(u -> !u.isEmpty());
        Optional<String> passwordEnv = passwordEnv(s);
        if (passwordEnv.isPresent() && username.isEmpty()) {
            s.missing("username", "a password needs a user name, e.g. username: " + defaultKiosk(identity));
        }
        Optional<Path> certificate = file(s, "clientCertificate");
        Optional<Path> key = file(s, "clientKey");
        if (certificate.isPresent() != key.isPresent()) {
            String absent = certificate.isPresent() ? "clientKey" : "clientCertificate";
            s.missing(absent, "a client certificate needs both clientCertificate and clientKey (PEM files)");
        }
        if (certificate.isPresent() && broker != null && !tls) {
            problems.add(line(s, "clientCertificate"), s.pathOf("clientCertificate"),
                    "a client certificate needs an mqtts:// broker", "write broker: mqtts://HOST:8883");
        }
        String region = topicLevel(s, "region", null, "bj-xicheng");
        String hall = topicLevel(s, "hall", identity == null ? null : identity.hallId(), "H-3101");
        String kiosk = topicLevel(s, "kiosk", defaultKiosk(identity), "K-0101");
        Duration heartbeat = bounded(s, "heartbeat", FleetSettings.DEFAULT_HEARTBEAT, MIN_HEARTBEAT,
                Duration.ofHours(1));
        Duration keepAlive = bounded(s, "keepAlive", FleetSettings.DEFAULT_KEEP_ALIVE, MIN_KEEP_ALIVE, MAX_KEEP_ALIVE);
        List<Path> operatorKeys = operatorKeys(s);
        Section queue = s.section("queue", false);
        Optional<Path> queueDir = Optional.ofNullable(queue.optionalText("directory", null)).map(String::strip)
                .filter(d -> !d.isEmpty()).map(Path::of);
        long maxMessages = positive(queue, "maxMessages", FleetSettings.DEFAULT_QUEUE_MESSAGES, 1_000_000);
        long maxBytes = positive(queue, "maxBytes", FleetSettings.DEFAULT_QUEUE_BYTES, 1L << 34);
        queue.rejectUnknownKeys();
        s.rejectUnknownKeys();
        if (broker == null || region == null || hall == null || kiosk == null || heartbeat == null || keepAlive == null) {
            return null;
        }
        return new FleetSettings(broker, caFile, username, passwordEnv, certificate, key, region, hall, kiosk,
                heartbeat, keepAlive, operatorKeys, queueDir, (int) maxMessages, maxBytes);
    }

    private static String defaultKiosk(KioskIdentity identity) {
        return identity == null ? null : identity.id();
    }

    private URI broker(Section s) {
        String text = s.requiredText("broker", "mqtts://broker.hall.example:8883");
        if (text == null) {
            return null;
        }
        String hint = "e.g. mqtts://broker.hall.example:8883 or mqtt://10.1.2.5:1883";
        try {
            URI uri = new URI(text.strip());
            if (!"mqtt".equals(uri.getScheme()) && !"mqtts".equals(uri.getScheme())) {
                problems.add(line(s, "broker"), s.pathOf("broker"), "\"" + text + "\" is not an mqtt:// or mqtts:// URI",
                        hint);
                return null;
            }
            if (uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null
                    || uri.getUserInfo() != null) {
                problems.add(line(s, "broker"), s.pathOf("broker"), "\"" + text + "\" must be only scheme, host and port",
                        hint + " (credentials go in username/passwordEnv)");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add(line(s, "broker"), s.pathOf("broker"), "\"" + text + "\" is not a URI: " + e.getReason(), hint);
            return null;
        }
    }

    private Optional<String> passwordEnv(Section s) {
        String name = s.optionalText("passwordEnv", null);
        if (name == null) {
            return Optional.empty();
        }
        name = name.strip();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            problems.add(line(s, "passwordEnv"), s.pathOf("passwordEnv"),
                    "\"" + name + "\" is not an environment variable name",
                    "name the variable, not the password, e.g. passwordEnv: KIOSK_FLEET_PASSWORD");
            return Optional.empty();
        }
        if (environment.apply(name) == null) {
            problems.add(line(s, "passwordEnv"), s.pathOf("passwordEnv"), "environment variable " + name + " is not set",
                    "set it for the kiosk's service (e.g. EnvironmentFile= in the systemd unit)");
        }
        return Optional.of(name);
    }

    private String topicLevel(Section s, String key, String fallback, String example) {
        String value = fallback == null ? s.requiredText(key, example) : s.optionalText(key, fallback);
        if (value != null && !TOPIC_LEVEL.matcher(value.strip()).matches()) {
            problems.add(line(s, key), s.pathOf(key), "\"" + value + "\" cannot be a topic level",
                    "1–32 letters, digits, '.', '_' or '-' (no '/', '+', '#'), e.g. " + example);
            return null;
        }
        return value == null ? null : value.strip();
    }

    private Duration bounded(Section s, String key, Duration fallback, Duration min, Duration max) {
        Duration value = s.duration(key, fallback);
        if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            problems.add(line(s, key), s.pathOf(key), "must be between " + Durations.format(min) + " and "
                    + Durations.format(max) + ", got " + Durations.format(value), "");
            return null;
        }
        return value;
    }

    private long positive(Section s, String key, long fallback, long max) {
        String text = s.optionalText(key, null);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(line(s, key), s.pathOf(key), "\"" + text + "\" is not a whole number between 1 and " + max, "");
        return fallback;
    }

    /** A file named relative to the configuration directory, checked to be readable when the directory is known. */
    private Optional<Path> file(Section s, String key) {
        String text = s.optionalText(key, null);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return checkedFile(line(s, key), s.pathOf(key), text.strip());
    }

    private Optional<Path> checkedFile(int line, String path, String text) {
        Path file = configDir.map(d -> d.resolve(text)).orElse(Path.of(text));
        if (configDir.isPresent() && !Files.isReadable(file)) {
            problems.add(line, path, "cannot read " + file.toAbsolutePath().normalize(),
                    "paths are relative to the configuration directory");
        }
        return Optional.of(file);
    }

    private List<Path> operatorKeys(Section s) {
        Optional<Entry> entry = s.entry("operatorKeys");
        List<Path> keys = new ArrayList<>();
        if (entry.isEmpty() || entry.get().value() instanceof ScalarNode sc && sc.isNull()) {
            return keys;
        }
        if (!(entry.get().value() instanceof ListNode list)) {
            problems.add(entry.get().value().line(), s.pathOf("operatorKeys"), "expected a list of public key files",
                    "e.g. operatorKeys: [keys/operators/hall-duty.public.pem]");
            return keys;
        }
        int index = 0;
        for (Node item : list.items()) {
            String path = s.pathOf("operatorKeys") + "[" + index++ + "]";
            if (!(item instanceof ScalarNode sc) || sc.isNull() || sc.text().isBlank()) {
                problems.add(item.line(), path, "expected a file name", "");
                continue;
            }
            String text = sc.text().strip();
            if (!text.endsWith(PemFile.PUBLIC_SUFFIX)) {
                problems.add(item.line(), path, "\"" + text + "\" is not an ID" + PemFile.PUBLIC_SUFFIX + " file",
                        "the key id is the file name; create one with ./kiosk fleet keygen --id NAME");
                continue;
            }
            Optional<Path> file = checkedFile(item.line(), path, text);
            if (file.isPresent() && configDir.isPresent() && Files.isReadable(file.get())) {
                Optional<String> problem = PemFile.ed25519PublicKeyProblem(file.get());
                if (problem.isPresent()) {
                    problems.add(item.line(), path, problem.get(), "an Ed25519 public key from ./kiosk fleet keygen");
                    continue;
                }
            }
            file.ifPresent(keys::add);
        }
        return keys;
    }

    private static int line(Section s, String key) {
        return s.entry(key).map(e -> e.value().line()).orElse(s.line());
    }
}
