package org.openkiosk.app.fleet;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A kiosk's fleet link alone in its own JVM, so that a test can kill it with SIGKILL. Args: broker URI, queue dir, password. */
public final class FleetKioskProcess {

    private FleetKioskProcess() {}

    public static void main(String[] args) throws Exception {
        TestStatusSource source = new TestStatusSource(FleetLinkMosquittoTest.REGION, FleetLinkMosquittoTest.HALL, "K-A");
        FleetLink link = FleetLink.start(FleetLinkMosquittoTest.settings(args[0], "K-A", Path.of(args[1]),
                Duration.ofSeconds(1)), Path.of(args[1]), source, Clock.systemUTC(), n -> args[2]);
        System.out.println("started " + link);
        Thread.currentThread().join(); // until killed
    }
}
