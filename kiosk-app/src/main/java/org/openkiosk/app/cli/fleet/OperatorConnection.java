package org.openkiosk.app.cli.fleet;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Option;

/** {@code --broker}, {@code --user}, {@code --password-env}, {@code --ca} of the operator commands. */
public final class OperatorConnection {

    @Option(names = "--broker", required = true, paramLabel = "URI",
            description = "the hall's broker: mqtt://HOST:1883 or mqtts://HOST:8883")
    String broker;

    @Option(names = "--user", paramLabel = "U", description = "broker user name (the ACL's operator account)")
    String user;

    @Option(names = "--password-env", paramLabel = "NAME", defaultValue = "KIOSK_FLEET_PASSWORD",
            description = "environment variable holding the broker password (default: ${DEFAULT-VALUE})")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "file whose first line is the broker password (instead of --password-env)")
    Path passwordFile;

    @Option(names = "--ca", paramLabel = "FILE", description = "CA certificate (PEM) of an mqtts:// broker")
    Path ca;

    /** Connects (blocking, up to {@code seconds}). */
    Mqtt5AsyncClient connect(int seconds) throws IOException {
        Mqtt5AsyncClient client = clientBuilder().buildAsync();
        try {
            client.connectWith().cleanStart(true).send().get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException("cannot connect to " + broker + ": " + cause.getMessage(), cause);
        }
        return client;
    }

    /** The client as the options say (address, TLS, credentials), not yet built or connected. */
    Mqtt5ClientBuilder clientBuilder() throws IOException {
        URI uri;
        try {
            uri = URI.create(broker);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--broker: " + e.getMessage());
        }
        boolean tls = "mqtts".equals(uri.getScheme());
        if (!tls && !"mqtt".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--broker must be mqtt://HOST:PORT or mqtts://HOST:PORT, got " + broker);
        }
        var builder = MqttClient.builder().useMqttVersion5().identifier("operator-" + UUID.randomUUID())
                .serverHost(uri.getHost()).serverPort(uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883);
        if (tls) {
            var ssl = MqttClientSslConfig.builder();
            if (ca != null) {
                ssl = ssl.trustManagerFactory(org.openkiosk.app.config.TlsMaterial.trust(ca));
            }
            builder = builder.sslConfig(ssl.build());
        }
        if (user != null) {
            String password = passwordFile != null
                    ? java.nio.file.Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("")
                    : System.getenv(passwordEnv);
            var auth = Mqtt5SimpleAuth.builder().username(user);
            builder = builder.simpleAuth(password == null ? auth.build()
                    : auth.password(password.getBytes(StandardCharsets.UTF_8)).build());
        }
        return builder;
    }

    static void disconnect(Mqtt5AsyncClient client) {
        try {
            client.disconnect().get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            // leaving anyway
        }
    }
}
