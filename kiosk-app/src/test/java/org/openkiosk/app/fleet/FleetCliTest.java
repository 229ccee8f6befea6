package org.openkiosk.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.cli.KioskCommand;
import org.openkiosk.app.fleet.command.CommandProcessor;
import org.openkiosk.app.fleet.command.CommandVerifier;
import org.openkiosk.app.fleet.command.KioskActions;
import org.openkiosk.app.fleet.command.ReplayGuard;
import org.openkiosk.testsupport.MosquittoBroker;
import picocli.CommandLine;

/** {@code kiosk fleet keygen | command | watch} against a real Mosquitto and a kiosk's fleet link. */
class FleetCliTest {

    @TempDir
    static Path tmp;

    static MosquittoBroker broker;
    static FleetLink link;
    static TestStatusSource source;
    static Path passwordFile;
    static final List<String> switched = new ArrayList<>();

    record Run(int exit, String out, String err) {}

    static Run kiosk(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = KioskCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void start() throws Exception {
        broker = FleetLinkMosquittoTest.hallBroker(tmp.resolve("broker")).start();
        passwordFile = Files.writeString(tmp.resolve("operator.pw"), "pw-op\n");
        assertThat(kiosk("fleet", "keygen", "--id", "duty-1", "--dir", tmp.resolve("keys").toString()).exit()).isZero();
        PublicKey trusted = CertificateKeys.readPublic(tmp.resolve("keys/duty-1.public.pem"));
        source = new TestStatusSource(FleetLinkMosquittoTest.REGION, FleetLinkMosquittoTest.HALL, "K-A");
        source.paper = "NEAR_END";
        link = FleetLink.start(FleetLinkMosquittoTest.settings(broker.uri(), "K-A", tmp.resolve("queue"),
                Duration.ofSeconds(5)), tmp, source, Clock.systemUTC(), n -> "pw-a");
        KioskActions actions = new KioskActions() {
            @Override
            public void outOfService(boolean on, String reason, String by) {
                switched.add(on + ":" + reason + ":" + by);
            }

            @Override
            public List<String> validateConfiguration() {
                return List.of("kiosk.yaml:12 ui.idleTimeout: \"60 seconds\" is not a duration (add a unit)");
            }

            @Override
            public void restartWhenIdle(String why) {
                throw new AssertionError("no restart expected");
            }

            @Override
            public Path collectDiagnostics() {
                throw new AssertionError("not in this test");
            }
        };
        CommandVerifier verifier = new CommandVerifier(Map.of("duty-1", trusted),
                FleetLinkMosquittoTest.REGION + "/" + FleetLinkMosquittoTest.HALL + "/K-A",
                new ReplayGuard(tmp.resolve("seen.txt")), Clock.systemUTC());
        CommandProcessor processor = new CommandProcessor(link, "K-A", verifier, actions, (a, id, d) -> { },
                Clock.systemUTC());
        link.onCommand(processor::handle);
        try (MqttProbe probe = new MqttProbe(broker.port(), "operator", "pw-op", link.topics().state(),
                link.topics().alarm("+"))) {
            probe.await(link.topics().alarm("PAPER_NEAR_END.receiptPrinter"), p -> !p.isEmpty());
            probe.await(link.topics().state(), p -> p.contains("PAPER_NEAR_END"));
        }
    }

    @AfterAll
    static void stop() {
        if (link != null) {
            link.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static String[] operator(String... rest) {
        List<String> args = new ArrayList<>(List.of("--broker", broker.uri(), "--user", "operator", "--password-file",
                passwordFile.toString()));
        args.addAll(List.of(rest));
        return args.toArray(String[]::new);
    }

    private static String[] command(String key, String kiosk, String... rest) {
        List<String> args = new ArrayList<>(List.of("fleet", "command"));
        args.addAll(List.of(operator("--kiosk", kiosk, "--key", key, "--timeout", "15")));
        args.addAll(List.of(rest));
        return args.toArray(String[]::new);
    }

    @Test
    void keygenWritesAnOperatorKeyPair() {
        assertThat(tmp.resolve("keys/duty-1.private.pem")).exists();
        Run again = kiosk("fleet", "keygen", "--id", "duty-1", "--dir", tmp.resolve("keys").toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already exists");
    }

    @Test
    void aCommandFindsTheKioskByIdSignsAndWaitsForTheReply() {
        Run ping = kiosk(command(tmp.resolve("keys/duty-1.private.pem").toString(), "K-A", "ping"));
        assertThat(ping.exit()).as(ping.err()).isZero();
        assertThat(ping.out()).contains("ping applied");

        Run out = kiosk(command(tmp.resolve("keys/duty-1.private.pem").toString(), "K-A", "out-of-service", "on=true",
                "reason=printer repair"));
        assertThat(out.exit()).as(out.err()).isZero();
        assertThat(switched).contains("true:printer repair:operator:duty-1");
    }

    @Test
    void aRejectedCommandExitsFourWithTheReasonAndTheProblems() throws Exception {
        Run reload = kiosk(command(tmp.resolve("keys/duty-1.private.pem").toString(), "K-A", "reload-config"));
        assertThat(reload.exit()).isEqualTo(4);
        assertThat(reload.err()).contains("INVALID_CONFIGURATION").contains("kiosk.yaml:12 ui.idleTimeout");

        CertificateKeys.generate(tmp.resolve("other"), "stranger", "");
        Run stranger = kiosk(command(tmp.resolve("other/stranger.private.pem").toString(), "K-A", "ping"));
        assertThat(stranger.exit()).isEqualTo(4);
        assertThat(stranger.err()).contains("UNKNOWN_KEY");
    }

    @Test
    void noReplyBeforeTheTimeoutExitsThree() {
        List<String> args = new ArrayList<>(List.of(command(tmp.resolve("keys/duty-1.private.pem").toString(),
                FleetLinkMosquittoTest.REGION + "/" + FleetLinkMosquittoTest.HALL + "/K-Z", "ping")));
        args.set(args.indexOf("15"), "2");
        Run silent = kiosk(args.toArray(String[]::new));
        assertThat(silent.exit()).isEqualTo(3);
        assertThat(silent.err()).contains("no reply");
    }

    @Test
    void watchOncePrintsOneLinePerKioskWithAlarmsAndPaper() {
        List<String> args = new ArrayList<>(List.of("fleet", "watch"));
        args.addAll(List.of(operator("--once", "--json")));
        Run watch = kiosk(args.toArray(String[]::new));
        assertThat(watch.exit()).as(watch.err()).isZero();
        assertThat(watch.out().lines()).anySatisfy(line -> assertThat(line)
                .contains("\"kiosk\":\"r1/H-3101/K-A\"").contains("\"online\":true")
                .contains("PAPER_NEAR_END.receiptPrinter").contains("\"receiptPrinter\":\"NEAR_END\""));

        List<String> text = new ArrayList<>(List.of("fleet", "watch"));
        text.addAll(List.of(operator("--once")));
        assertThat(kiosk(text.toArray(String[]::new)).out()).contains("r1/H-3101/K-A").contains("online");
    }
}
