package org.openkiosk.app.console.demo;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.ConfigWriter;
import org.openkiosk.app.config.ConsoleStaffFile;
import org.openkiosk.app.config.FleetSettings;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.config.KioskIdentity;
import org.openkiosk.app.console.OperatorConsole;
import org.openkiosk.app.console.PasswordHash;
import org.openkiosk.app.fleet.KioskFleet;
import org.openkiosk.app.fleet.command.CommandSigner;
import org.openkiosk.app.runtime.DefaultKioskRuntime;

/**
 * A whole hall on one machine for a newcomer ({@code kiosk fleet demo}): a private Mosquitto with the installation's
 * example ACL, N real kiosk runtimes in demo mode on their device simulators, each with its real fleet link, the
 * operator console, and a {@link DemoScript} that places cards, runs a printer out of paper and refills it, and calls
 * for help. Everything lives in a fresh temporary directory: the generated staff accounts (random passwords, shown
 * once), the console's operator key, the kiosks' data and the console's audit log. Nothing here is production
 * configuration, and no password is fixed.
 */
public final class DemoHall implements AutoCloseable {

    public static final String REGION = "demo";
    /** The hall the demo store's data belong to (its counters, appointment slots): the demo kiosks are in it. */
    public static final String HALL = org.openkiosk.app.service.platform.DemoData.DEMO_HALL;
    public static final String OPERATOR_USER = "demo.operator";
    public static final String VIEWER_USER = "demo.viewer";
    static final String ACL = "examples/mosquitto/openkiosk.acl";

    /** A member of the demo staff and the password generated for this run. */
    public record DemoLogin(String user, String role, String password) {}

    private final Path dir;
    private final DemoBroker broker;
    private final List<DemoKiosk> kiosks;
    private final OperatorConsole console;
    private final DemoScript script;
    private final List<DemoLogin> logins;
    private final InetSocketAddress listen;

    private DemoHall(Path dir, DemoBroker broker, List<DemoKiosk> kiosks, OperatorConsole console, DemoScript script,
                     List<DemoLogin> logins, InetSocketAddress listen) {
        this.dir = dir;
        this.broker = broker;
        this.kiosks = kiosks;
        this.console = console;
        this.script = script;
        this.logins = logins;
        this.listen = listen;
    }

    /** One kiosk of the hall: the real runtime on its simulators and its real fleet link. */
    record DemoKiosk(String id, DefaultKioskRuntime runtime, KioskFleet fleet) implements AutoCloseable {
        @Override
        public void close() {
            try {
                fleet.close();
            } finally {
                runtime.close();
            }
        }
    }

    /**
     * @param configDir the installation's demo configuration ({@code config/} beside the program): copied per kiosk
     * @param count     how many kiosks, 1–20
     * @param pace      the demo script's step (a cycle is 12 steps)
     * @param out       where the script says what it does
     * @throws IOException when Mosquitto is missing or something does not start; whatever started is stopped
     */
    public static DemoHall start(Path configDir, int count, InetSocketAddress listen, Duration pace, PrintWriter out)
            throws IOException, ConfigException {
        if (count < 1 || count > 20) {
            throw new IllegalArgumentException("--kiosks must be 1–20, got " + count);
        }
        Path acl = configDir.resolve(ACL);
        if (!Files.isRegularFile(acl)) {
            throw new IOException("the example broker ACL is missing: " + acl);
        }
        Path dir = DemoDirectory.create();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            SecureRandom random = new SecureRandom();
            Map<String, String> brokerUsers = new LinkedHashMap<>();
            String operatorBrokerPassword = secret(random);
            brokerUsers.put("operator", operatorBrokerPassword);
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String id = "K-D" + i;
                ids.add(id);
                brokerUsers.put(id, secret(random));
            }
            DemoBroker broker = DemoBroker.start(dir.resolve("broker"), brokerUsers,
                    Files.readString(acl, StandardCharsets.UTF_8));
            started.add(broker);

            var key = CertificateKeys.generate(dir.resolve("operators"), "demo-console", "demo hall console");
            Path publicKey = dir.resolve("operators").resolve("demo-console" + CertificateKeys.PUBLIC_SUFFIX);

            List<DemoKiosk> kiosks = new ArrayList<>();
            for (String id : ids) {
                Path kioskConfig = copyConfig(configDir, dir.resolve(id).resolve("config"), id);
                Path data = dir.resolve(id).resolve("data");
                Files.createDirectories(data);
                DefaultKioskRuntime runtime = DefaultKioskRuntime.start(ConfigLoader.load(kioskConfig), kioskConfig,
                        data, true, Clock.systemUTC());
                started.add(runtime);
                FleetSettings settings = new FleetSettings(URI.create(broker.uri()), Optional.empty(), Optional.of(id),
                        Optional.of("OPENKIOSK_DEMO_BROKER_PASSWORD"), Optional.empty(), Optional.empty(), REGION, HALL,
                        id, Duration.ofSeconds(5), FleetSettings.DEFAULT_KEEP_ALIVE, List.of(publicKey),
                        Optional.empty(), FleetSettings.DEFAULT_QUEUE_MESSAGES, FleetSettings.DEFAULT_QUEUE_BYTES);
                String password = brokerUsers.get(id);
                KioskFleet fleet = KioskFleet.start(settings, runtime, Optional.of(runtime.store()), kioskConfig, data,
                        Clock.systemUTC(), name -> password, code -> {
                            out.println("demo: " + id + " was asked to restart (exit " + code
                                    + "); an in-process demo kiosk keeps running");
                            out.flush();
                        });
                started.remove(runtime);
                DemoKiosk kiosk = new DemoKiosk(id, runtime, fleet);
                kiosks.add(kiosk);
                started.add(kiosk);
            }

            List<DemoLogin> logins = List.of(new DemoLogin(OPERATOR_USER, ConsoleStaffFile.OPERATOR, secret(random)),
                    new DemoLogin(VIEWER_USER, ConsoleStaffFile.VIEWER, secret(random)));
            Path staffFile = dir.resolve(ConsoleStaffFile.FILE_NAME);
            StringBuilder yaml = new StringBuilder("# generated by kiosk fleet demo for this run only\nstaff:\n");
            for (DemoLogin l : logins) {
                yaml.append("  - user: ").append(l.user()).append('\n')
                        .append("    name: \"").append(l.role().equals(ConsoleStaffFile.OPERATOR) ? "演示值班员 Demo operator"
                                : "演示观察员 Demo viewer").append("\"\n")
                        .append("    role: ").append(l.role()).append('\n')
                        .append("    passwordHash: \"").append(PasswordHash.hash(l.password().toCharArray())).append("\"\n");
            }
            Files.writeString(staffFile, yaml, StandardCharsets.UTF_8);
            var mqtt = MqttClient.builder().useMqttVersion5().identifier("demo-console").serverHost("127.0.0.1")
                    .serverPort(broker.port()).simpleAuth(Mqtt5SimpleAuth.builder().username("operator")
                            .password(operatorBrokerPassword.getBytes(StandardCharsets.UTF_8)).build());
            OperatorConsole console = OperatorConsole.start(mqtt, listen, ConsoleStaffFile.load(staffFile),
                    new CommandSigner(key.getPrivate(), "demo-console"), dir.resolve("console-audit.jsonl"),
                    Clock.systemUTC());
            started.add(console);
            DemoScript script = DemoScript.start(kiosks, pace, out);
            return new DemoHall(dir, broker, List.copyOf(kiosks), console, script, logins, listen);
        } catch (IOException | ConfigException | RuntimeException e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                closeQuietly(started.get(i));
            }
            DemoDirectory.delete(dir);
            throw e;
        }
    }

    /** The console's address as a browser opens it. */
    public String consoleUrl() {
        return "http://" + listen.getAddress().getHostAddress() + ":" + console.port() + "/";
    }

    public List<DemoLogin> logins() {
        return logins;
    }

    public Path directory() {
        return dir;
    }

    public int brokerPort() {
        return broker.port();
    }

    public List<String> kioskIds() {
        return kiosks.stream().map(DemoKiosk::id).toList();
    }

    /** Stops the script, the console, the kiosks and the broker, in that order, and removes the directory. */
    @Override
    public void close() {
        closeQuietly(script);
        closeQuietly(console);
        for (int i = kiosks.size() - 1; i >= 0; i--) {
            closeQuietly(kiosks.get(i));
        }
        closeQuietly(broker);
        DemoDirectory.delete(dir);
    }

    private static String secret(SecureRandom random) {
        final String letters = "abcdefghjkmnpqrstuvwxyz23456789"; // nothing to mistake when typed from the terminal
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(letters.charAt(random.nextInt(letters.length())));
        }
        return b.toString();
    }

    /**
     * The demo configuration without services.yaml (each runtime writes its own), copied for demo kiosk {@code id}: its
     * {@code kiosk.yaml} is rewritten (through {@link ConfigWriter}, validated) to say kiosk {@code id} in hall
     * {@link #HALL}, so that the file, the runtime (logs, audit, journal, tickets) and the fleet link name the same
     * kiosk and hall.
     */
    static Path copyConfig(Path source, Path target, String id) throws IOException, ConfigException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else if (!file.getFileName().toString().equals("services.yaml")) {
                    Files.copy(file, to);
                }
            }
        }
        KioskConfig config = ConfigLoader.load(target);
        KioskIdentity k = config.kiosk();
        ConfigWriter.write(target, new KioskConfig(new KioskIdentity(id, HALL, k.hallNameZh(), k.hallNameEn(),
                k.testInstallation(), k.helpPhone()), config.ui(), config.devices(), config.store(),
                config.maintenance(), config.audit(), config.fleet(), config.ratingsTarget()));
        Files.deleteIfExists(target.resolve(ConfigWriter.PREVIOUS_FILE)); // the installation's file, not this kiosk's
        return target;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("demo: stopping " + c + " failed: " + e);
        }
    }
}
