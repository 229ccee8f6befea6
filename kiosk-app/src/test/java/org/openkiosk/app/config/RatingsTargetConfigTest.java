package org.openkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ratingsTarget:} in kiosk.yaml (ADR 0162): checked like the service platform, every problem at its line. */
class RatingsTargetConfigTest {

    private static final String HALL_KIOSK = """
            kiosk: { id: K-01, hallId: H-01, hallName: { zh: 大厅, en: Hall }%s }
            store: { type: postgresql, url: "jdbc:postgresql://10.1.2.5:5432/kiosk", user: kiosk }
            """;

    private static KioskConfig parse(String kioskExtra, String section, Map<String, String> env)
            throws ConfigException {
        return ConfigLoader.parse("kiosk.yaml", HALL_KIOSK.formatted(kioskExtra) + section, env::get);
    }

    private static List<ConfigProblem> problems(String kioskExtra, String section, Map<String, String> env) {
        try {
            parse(kioskExtra, section, env);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected configuration problems");
    }

    @Test
    void aFullSectionIsBoundWithDefaults() throws Exception {
        KioskConfig config = parse("", """
                ratingsTarget:
                  baseUrl: https://pj.zwfw.example.gov.cn/kiosk
                  tokenEnvironment: KIOSK_RATINGS_TOKEN
                  requestTimeoutMs: 5000
                """, Map.of("KIOSK_RATINGS_TOKEN", "t"));
        RatingsTargetSettings target = config.ratingsTarget().orElseThrow();
        assertThat(target.baseUrl()).isEqualTo("https://pj.zwfw.example.gov.cn/kiosk");
        assertThat(target.requestTimeoutMs()).isEqualTo(5000);
        assertThat(target.connectTimeoutMs()).isEqualTo(RatingsTargetSettings.DEFAULT_CONNECT_TIMEOUT_MS);
        assertThat(target.retryMax()).isEqualTo(Duration.ofMinutes(5));
        assertThat(target.caFile()).isNull();
        assertThat(parse("", "", Map.of()).ratingsTarget()).isEmpty();
    }

    @Test
    void plainHttpOnlyInATestInstallation() throws Exception {
        String section = "ratingsTarget:\n  baseUrl: http://127.0.0.1:8080/pj\n";
        ConfigProblem p = problems("", section, Map.of()).get(0);
        assertThat(p.fieldPath()).isEqualTo("ratingsTarget.baseUrl");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).contains("https://");
        assertThat(p.hint()).contains("kiosk.testInstallation: true");
        assertThat(parse(", testInstallation: true", section, Map.of()).ratingsTarget()).isPresent();
    }

    @Test
    void everyProblemOfTheSectionIsReportedAtOnce(@org.junit.jupiter.api.io.TempDir Path dir) {
        List<ConfigProblem> all = problems("", """
                ratingsTarget:
                  connectTimeoutMs: 10
                  caFile: certs/ca.pem
                  tokenEnvironment: KIOSK_RATINGS_TOKEN
                  retryMax: 2h
                  colour: blue
                """, Map.of());
        assertThat(all).extracting(ConfigProblem::fieldPath).contains("ratingsTarget.baseUrl",
                "ratingsTarget.connectTimeoutMs", "ratingsTarget.caFile", "ratingsTarget.tokenEnvironment",
                "ratingsTarget.retryMax", "ratingsTarget.colour");
        assertThat(all).filteredOn(p -> p.fieldPath().equals("ratingsTarget.tokenEnvironment")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("KIOSK_RATINGS_TOKEN is not set"));
    }

    @Test
    void aKioskWithoutAHallJournalCannotHaveOne() {
        List<ConfigProblem> all;
        try {
            ConfigLoader.parse("kiosk.yaml", """
                    kiosk: { id: K-01, hallId: H-01, hallName: { zh: 大厅, en: Hall } }
                    ratingsTarget: { baseUrl: "https://pj.zwfw.example.gov.cn/kiosk" }
                    """, Map.<String, String>of()::get);
            throw new AssertionError("expected a problem");
        } catch (ConfigException e) {
            all = e.problems();
        }
        assertThat(all).singleElement().satisfies(p -> {
            assertThat(p.fieldPath()).isEqualTo("ratingsTarget.baseUrl");
            assertThat(p.hint()).contains("store.type: postgresql");
        });
    }
}
