package org.openkiosk.app.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The optional {@code fleet:} section of {@code kiosk.yaml}: how this kiosk reports to and takes commands from its
 * hall over an MQTT broker. Absent means standalone. Holds no secret: the broker password is read from the
 * environment variable named by {@code passwordEnv} when the link connects.
 *
 * @param broker            {@code mqtt://HOST:PORT} or {@code mqtts://HOST:PORT}
 * @param caFile            trust anchors for {@code mqtts://} (PEM); empty = the JDK's trust store
 * @param username          broker user name; empty = no password authentication
 * @param passwordEnv       environment variable holding the broker password
 * @param clientCertificate client certificate (PEM) for TLS client authentication, with {@code clientKey}
 * @param clientKey         the certificate's PKCS#8 private key (PEM)
 * @param region            first level of the topic tree, e.g. {@code bj-xicheng}
 * @param hall              second level (default: {@code kiosk.hallId})
 * @param kiosk             third level (default: {@code kiosk.id})
 * @param heartbeat         how often telemetry (and a fresh state) is published
 * @param keepAlive         MQTT keep-alive; the broker publishes the Last Will within 1.5 × this after a kiosk dies
 * @param operatorKeys      Ed25519 public keys (PEM, {@code ID.public.pem}) whose signed commands the kiosk obeys
 * @param queueDirectory    where messages wait while the broker is unreachable; empty = {@code <data>/fleet-queue}
 * @param queueMaxMessages  at most this many waiting messages (the oldest telemetry goes first, then the oldest)
 * @param queueMaxBytes     at most this many bytes of waiting messages
 */
public record FleetSettings(URI broker, Optional<Path> caFile, Optional<String> username, Optional<String> passwordEnv,
                            Optional<Path> clientCertificate, Optional<Path> clientKey, String region, String hall,
                            String kiosk, Duration heartbeat, Duration keepAlive, List<Path> operatorKeys,
                            Optional<Path> queueDirectory, int queueMaxMessages, long queueMaxBytes) {

    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(20);
    public static final int DEFAULT_QUEUE_MESSAGES = 10_000;
    public static final long DEFAULT_QUEUE_BYTES = 16L * 1024 * 1024;

    public FleetSettings {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(hall, "hall");
        Objects.requireNonNull(kiosk, "kiosk");
        operatorKeys = List.copyOf(operatorKeys);
    }

    public boolean tls() {
        return "mqtts".equals(broker.getScheme());
    }

    public int port() {
        return broker.getPort() > 0 ? broker.getPort() : tls() ? 8883 : 1883;
    }

    /** {@code openkiosk/v1/REGION/HALL/KIOSK}: every topic of this kiosk starts here. */
    public String topicRoot() {
        return "openkiosk/v1/" + region + "/" + hall + "/" + kiosk;
    }

    /** The queue directory, under the data directory unless configured. */
    public Path queueDirectory(Path dataDir) {
        return queueDirectory.orElse(dataDir.resolve("fleet-queue"));
    }
}
