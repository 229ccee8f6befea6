package org.openkiosk.app.ui.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openkiosk.app.config.FleetSettings;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.fleet.KioskFleet;
import org.openkiosk.testsupport.MosquittoBroker;

/**
 * A kiosk runtime for UI tests with its real fleet link to a broker: the citizen services over H2
 * ({@link FlowRuntime}) and {@link KioskFleet} wired to it, so help calls, state and signed commands travel as in a
 * running kiosk. The fleet's clock is the system's (commands are signed with real time); the UI's clock is the test's.
 */
public final class LinkedKiosk {

    public static final String REGION = "r1";
    public static final String HALL = "H-3101";
    public static final Path EXAMPLE_ACL = Path.of("..", "config", "examples", "mosquitto", "openkiosk.acl");

    public final FlowRuntime runtime;
    public final KioskFleet fleet;

    private LinkedKiosk(FlowRuntime runtime, KioskFleet fleet) {
        this.runtime = runtime;
        this.fleet = fleet;
    }

    /** A Mosquitto with the repository's example ACL, the kiosks' and the operator's accounts (password "pw"). */
    public static MosquittoBroker.Builder hallBroker(Path dir, String... kiosks) throws IOException {
        MosquittoBroker.Builder b = MosquittoBroker.in(dir).user("operator", "pw-op").acl(Files.readString(EXAMPLE_ACL));
        for (String k : kiosks) {
            b = b.user(k, "pw");
        }
        return b;
    }

    /**
     * Starts the runtime and its link as kiosk {@code config.kiosk().id()} (user name = kiosk id, password "pw").
     *
     * @param operatorKeys the public keys whose signed commands it obeys
     */
    public static LinkedKiosk start(KioskConfig config, Path dir, Clock uiClock, String brokerUri,
                                    List<Path> operatorKeys) {
        FlowRuntime runtime = new FlowRuntime(config, dir.resolve("data"), uiClock);
        String kiosk = config.kiosk().id();
        FleetSettings settings = new FleetSettings(URI.create(brokerUri), Optional.empty(), Optional.of(kiosk),
                Optional.of("PW"), Optional.empty(), Optional.empty(), REGION, HALL, kiosk, Duration.ofSeconds(2),
                Duration.ofSeconds(5), operatorKeys, Optional.empty(), 1000, 16 << 20);
        try {
            Files.createDirectories(dir.resolve("config"));
            KioskFleet fleet = KioskFleet.start(settings, runtime, Optional.of(runtime.store), dir.resolve("config"),
                    dir.resolve("data"), Clock.systemUTC(), name -> "pw", code -> { });
            runtime.fleet = Optional.of(fleet);
            return new LinkedKiosk(runtime, fleet);
        } catch (IOException e) {
            runtime.close();
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String target() {
        return REGION + "/" + HALL + "/" + runtime.config().kiosk().id();
    }

    /** Closes the link (the runtime belongs to the {@link FxShell} that shows it). */
    public void closeLink() {
        fleet.close();
    }
}
