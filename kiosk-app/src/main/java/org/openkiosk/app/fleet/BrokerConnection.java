package org.openkiosk.app.fleet;

import org.openkiosk.app.config.TlsMaterial;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedListener;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5WillPublish;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.openkiosk.app.config.FleetSettings;

/**
 * Builds the MQTT 5 client of one kiosk from its {@code fleet:} settings (HiveMQ MQTT Client, ADR 0100): TLS with
 * the hall's CA and optionally a client certificate, user name and password from the environment, the retained
 * Last Will that says {@code offline}, and automatic reconnection with exponential back-off.
 */
public final class BrokerConnection {

    /** Reconnect back-off: starts here, doubles (with jitter) up to {@link #MAX_RECONNECT_DELAY}. */
    public static final Duration INITIAL_RECONNECT_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(60);

    private BrokerConnection() {}

    /**
     * @param clientId    the MQTT client identifier (the kiosk's topic root, unique in the fleet)
     * @param will        the retained Last Will payload, published by the broker if the kiosk vanishes
     * @param environment where {@code passwordEnv} is looked up
     */
    public static Built build(FleetSettings settings, String clientId, byte[] will, String willTopic,
                              UnaryOperator<String> environment, MqttClientConnectedListener connected,
                              MqttClientDisconnectedListener disconnected) throws IOException {
        Mqtt5ClientBuilder builder = MqttClient.builder()
                .useMqttVersion5()
                .identifier(clientId)
                .serverHost(settings.broker().getHost())
                .serverPort(settings.port())
                .automaticReconnect()
                .initialDelay(INITIAL_RECONNECT_DELAY.toMillis(), TimeUnit.MILLISECONDS)
                .maxDelay(MAX_RECONNECT_DELAY.toMillis(), TimeUnit.MILLISECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(connected)
                .addDisconnectedListener(disconnected);
        if (settings.tls()) {
            builder = builder.sslConfig(ssl(settings));
        }
        Mqtt5ConnectBuilder connect = Mqtt5Connect.builder()
                .cleanStart(true)
                .keepAlive((int) settings.keepAlive().toSeconds());
        // authentication and the Last Will belong to the client, not to one CONNECT: automatic reconnects send
        // the client's own CONNECT, and without them the broker refuses the kiosk (tested by the flapping link)
        if (settings.username().isPresent()) {
            Optional<String> password = settings.passwordEnv().map(environment::apply);
            if (settings.passwordEnv().isPresent() && password.isEmpty()) {
                throw new IOException("environment variable " + settings.passwordEnv().get() + " (fleet.passwordEnv) is not set");
            }
            var auth = Mqtt5SimpleAuth.builder().username(settings.username().get());
            builder = builder.simpleAuth(password.isPresent()
                    ? auth.password(password.get().getBytes(StandardCharsets.UTF_8)).build() : auth.build());
        }
        builder = builder.willPublish(Mqtt5WillPublish.builder().topic(willTopic).payload(will)
                .qos(MqttQos.AT_LEAST_ONCE).retain(true).build());
        return new Built(builder.buildAsync(), connect.build());
    }

    /** The client (not yet connected) and the CONNECT it sends on every (re)connection. */
    public record Built(Mqtt5AsyncClient client, Mqtt5Connect connect) {}

    private static MqttClientSslConfig ssl(FleetSettings settings) throws IOException {
        MqttClientSslConfigBuilder ssl = MqttClientSslConfig.builder();
        if (settings.caFile().isPresent()) {
            ssl = ssl.trustManagerFactory(TlsMaterial.trust(settings.caFile().get()));
        }
        if (settings.clientCertificate().isPresent() && settings.clientKey().isPresent()) {
            ssl = ssl.keyManagerFactory(TlsMaterial.key(settings.clientCertificate().get(), settings.clientKey().get()));
        }
        return ssl.build();
    }
}
