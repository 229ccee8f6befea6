package org.openkiosk.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.FleetSettings;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.config.RatingsTargetSettings;
import org.openkiosk.app.fleet.Alarm;
import org.openkiosk.app.fleet.RuntimeStatusSource;
import org.openkiosk.app.maintenance.ServiceState;
import org.openkiosk.app.service.rating.SatisfactionLevel;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.testsupport.Poll;

/**
 * A hall kiosk with {@code ratingsTarget:} (ADR 0162): ratings given on it reach a local evaluation platform, the
 * body as the contract says, and a rating the platform refuses is the operator's RATINGS_REJECTED alarm.
 */
class RatingsTargetRuntimeTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path tmp;

    @Test
    void ratingsGivenOnAHallKioskReachTheEvaluationPlatform() throws Exception {
        List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());
        HttpServer platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        platform.createContext("/pj/v1/ratings", exchange -> {
            try (exchange) {
                JsonNode body = new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes());
                bodies.add(body);
                exchange.sendResponseHeaders(body.path("serviceCode").asText().equals("household") ? 422 : 201, -1);
            }
        });
        platform.start();
        try {
            Path configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
            KioskConfig repo = ConfigLoader.load(configDir);
            KioskConfig config = new KioskConfig(repo.kiosk(), repo.ui(), repo.devices(), POSTGRES.newDatabase(),
                    repo.maintenance(), repo.audit(), Optional.empty(), Optional.of(new RatingsTargetSettings(
                    "http://127.0.0.1:" + platform.getAddress().getPort() + "/pj", 1000, 2000, null, null,
                    Duration.ofSeconds(1))));
            Path data = tmp.resolve("data");
            try (DefaultKioskRuntime runtime = DefaultKioskRuntime.start(config, configDir, data, false,
                    Clock.systemUTC())) {
                runtime.services().ratings().rate("exit-entry", SatisfactionLevel.DISSATISFIED,
                        Optional.of("等待时间太长"));
                runtime.services().ratings().rate("household", SatisfactionLevel.SATISFIED, Optional.empty());
                Poll.until(Duration.ofSeconds(30), "both ratings settled with the evaluation platform",
                        () -> runtime.journalTargets().get(0).waiting() == 0);

                assertThat(bodies).hasSize(2);
                JsonNode first = bodies.get(0);
                assertThat(first.get("serviceCode").asText()).isEqualTo("exit-entry");
                assertThat(first.get("level").asInt()).isEqualTo(2);
                assertThat(first.get("reasonCode").asText()).isEqualTo("slow");
                assertThat(first.get("kioskId").asText()).isEqualTo(config.kiosk().id());
                assertThat(first.get("hallId").asText()).isEqualTo(config.kiosk().hallId());

                FleetSettings fleet = new FleetSettings(URI.create("tcp://127.0.0.1:1883"), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "r", "h",
                        config.kiosk().id(), Duration.ofSeconds(30), Duration.ofSeconds(20), List.of(),
                        Optional.empty(), 1000, 16 << 20);
                List<Alarm> alarms = new RuntimeStatusSource(runtime, Optional.of(runtime.store()),
                        new ServiceState(Clock.systemUTC()), fleet, configDir, data, Clock.systemUTC()).systemAlarms();
                assertThat(alarms).filteredOn(a -> a.code().equals("RATINGS_REJECTED")).singleElement()
                        .satisfies(a -> assertThat(a.text()).contains("refused 1 record").contains("HTTP 422"));
                assertThat(alarms).extracting(Alarm::code).doesNotContain("RATINGS_UNDELIVERED");
            }
        } finally {
            platform.stop(0);
        }
    }
}
