package org.openkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.certificate.CertificateKeys;

class FleetConfigTest {

    private static final String KIOSK = """
            kiosk:
              id: K-0107
              hallId: H-3101
              hallName: { zh: 测试大厅, en: Test hall }
            """;

    @TempDir
    Path dir;

    private KioskConfig parse(String fleet, Map<String, String> env) throws ConfigException {
        return ConfigLoader.parse("kiosk.yaml", KIOSK + fleet, env::get, dir);
    }

    private List<ConfigProblem> problems(String fleet, Map<String, String> env) {
        ConfigException e = catchThrowableOfType(() -> parse(fleet, env), ConfigException.class);
        assertThat(e).as("must be rejected").isNotNull();
        return e.problems();
    }

    @Test
    void noFleetSectionMeansStandalone() throws Exception {
        assertThat(parse("", Map.of()).fleet()).isEmpty();
    }

    @Test
    void aFullSectionIsBoundWithPathsUnderTheConfigurationDirectory() throws Exception {
        Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        CertificateKeys.generate(dir.resolve("operators"), "duty-1", "");
        FleetSettings f = parse("""
                fleet:
                  broker: mqtts://broker.hall:8883
                  caFile: ca.pem
                  username: K-0107
                  passwordEnv: FLEET_PW
                  region: bj-xicheng
                  heartbeat: 15s
                  operatorKeys: [operators/duty-1.public.pem]
                  queue: { maxMessages: 500, maxBytes: 100000 }
                """, Map.of("FLEET_PW", "secret")).fleet().orElseThrow();

        assertThat(f.tls()).isTrue();
        assertThat(f.port()).isEqualTo(8883);
        assertThat(f.caFile()).contains(dir.resolve("ca.pem"));
        assertThat(f.passwordEnv()).contains("FLEET_PW");
        assertThat(f.topicRoot()).isEqualTo("openkiosk/v1/bj-xicheng/H-3101/K-0107");
        assertThat(f.heartbeat()).isEqualTo(Duration.ofSeconds(15));
        assertThat(f.keepAlive()).isEqualTo(FleetSettings.DEFAULT_KEEP_ALIVE);
        assertThat(f.operatorKeys()).containsExactly(dir.resolve("operators/duty-1.public.pem"));
        assertThat(f.queueMaxMessages()).isEqualTo(500);
        assertThat(f.queueMaxBytes()).isEqualTo(100000);
        assertThat(f.queueDirectory(Path.of("/data"))).isEqualTo(Path.of("/data/fleet-queue"));
        assertThat(f.toString()).doesNotContain("secret");
    }

    @Test
    void everyProblemIsLocated() {
        List<ConfigProblem> problems = problems("""
                fleet:
                  broker: http://broker.hall
                  passwordEnv: FLEET_PW
                  region: bj/xicheng
                  heartbeat: 1s
                  operatorKeys: [operators/missing.public.pem, duty.pem]
                  caFile: nowhere.pem
                  queue: { maxMessages: lots, size: 3 }
                  colour: red
                """, Map.of());

        assertThat(problems).extracting(ConfigProblem::fieldPath).containsExactlyInAnyOrder(
                "fleet.broker", "fleet.passwordEnv", "fleet.username", "fleet.region", "fleet.heartbeat",
                "fleet.operatorKeys[0]", "fleet.operatorKeys[1]", "fleet.caFile", "fleet.queue.maxMessages",
                "fleet.queue.size", "fleet.colour");
        assertThat(problems).allSatisfy(p -> assertThat(p.line()).isGreaterThan(4));
        assertThat(problems).filteredOn(p -> p.fieldPath().equals("fleet.passwordEnv")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("FLEET_PW is not set"));
        assertThat(problems).filteredOn(p -> p.fieldPath().equals("fleet.region")).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(8));
    }

    @Test
    void aClientCertificateNeedsItsKeyAndTls() throws Exception {
        Files.writeString(dir.resolve("k.crt.pem"), "x");
        List<ConfigProblem> problems = problems("""
                fleet:
                  broker: mqtt://10.1.2.5
                  region: r1
                  clientCertificate: k.crt.pem
                """, Map.of());
        assertThat(problems).extracting(ConfigProblem::fieldPath)
                .containsExactlyInAnyOrder("fleet.clientKey", "fleet.clientCertificate");
    }

    @Test
    void anOperatorKeyThatIsNotEd25519IsRejected() throws Exception {
        Files.writeString(dir.resolve("bad.public.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        assertThat(problems("""
                fleet:
                  broker: mqtt://10.1.2.5
                  region: r1
                  operatorKeys: [bad.public.pem]
                """, Map.of())).singleElement().satisfies(p -> {
            assertThat(p.fieldPath()).isEqualTo("fleet.operatorKeys[0]");
            assertThat(p.line()).isEqualTo(8);
        });
    }

    @Test
    void theRenderedConfigurationReadsBackTheSame() throws Exception {
        KioskConfig config = parse("""
                fleet:
                  broker: mqtt://10.1.2.5:1884
                  region: r1
                  kiosk: K-A
                """, Map.of());
        KioskConfig again = ConfigLoader.parse("kiosk.yaml", ConfigYaml.render(config), n -> null, dir);
        assertThat(again.fleet()).isEqualTo(config.fleet());
    }
}
