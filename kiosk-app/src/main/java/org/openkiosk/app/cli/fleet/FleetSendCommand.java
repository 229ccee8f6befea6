package org.openkiosk.app.cli.fleet;

import org.openkiosk.app.console.DiagnosticsDownload;
import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.fleet.FleetJson;
import org.openkiosk.app.fleet.FleetTopics;
import org.openkiosk.app.fleet.command.CommandProcessor;
import org.openkiosk.app.fleet.command.CommandSigner;
import org.openkiosk.app.fleet.command.FleetCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "command", mixinStandardHelpOptions = true,
        description = {"Sign a command with an operator key, send it to one kiosk and wait for its reply.",
                "Commands: ping | out-of-service on=true reason=TEXT | out-of-service on=false | reload-config | "
                        + "diagnostics | restart"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:applied", "1:unexpected failure", "2:bad usage, key or broker address",
                "3:no reply before the timeout", "4:rejected or failed (the reason is printed)"})
public final class FleetSendCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    OperatorConnection connection;

    @Option(names = "--kiosk", required = true, paramLabel = "ID",
            description = "the kiosk: REGION/HALL/KIOSK, or just its id (looked up in the retained states)")
    String kiosk;

    @Option(names = "--key", required = true, paramLabel = "OPERATOR.private.pem",
            description = "the operator's private key (from kiosk fleet keygen); its file name is the key id")
    Path key;

    @Option(names = "--timeout", defaultValue = "30", description = "seconds to wait for the reply (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--valid-for", defaultValue = "5", description = "minutes the command stays valid (default: ${DEFAULT-VALUE}, at most 60)")
    int validMinutes;

    @Option(names = "--out", paramLabel = "FILE", description = "diagnostics: where to write the bundle (default: its own name)")
    Path out;

    @Parameters(index = "0", paramLabel = "COMMAND", description = "ping, out-of-service, reload-config, diagnostics, restart")
    String command;

    @Parameters(index = "1..*", paramLabel = "NAME=VALUE", description = "arguments, e.g. on=true reason=\"printer repair\"")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (!CommandProcessor.COMMANDS.contains(command)) {
            err.println("unknown command \"" + command + "\"; known: " + String.join(", ",
                    new java.util.TreeSet<>(CommandProcessor.COMMANDS)));
            return ExitCodes.BAD_CONFIGURATION;
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 1) {
                err.println("argument \"" + a + "\" must be NAME=VALUE, e.g. reason=\"printer repair\"");
                return ExitCodes.BAD_CONFIGURATION;
            }
            arguments.put(a.substring(0, eq), a.substring(eq + 1));
        }
        if (validMinutes < 1 || validMinutes > 60) {
            err.println("--valid-for must be 1..60 minutes");
            return ExitCodes.BAD_CONFIGURATION;
        }
        PrivateKey privateKey;
        String keyId;
        try {
            keyId = CertificateKeys.keyIdOf(key);
            privateKey = CertificateKeys.readPrivate(key);
        } catch (IOException | IllegalArgumentException e) {
            err.println("--key: " + e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        Mqtt5AsyncClient client;
        try {
            client = connection.connect(timeoutSeconds);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        } catch (IOException e) {
            err.println(e.getMessage());
            return ExitCodes.OUT_OF_SERVICE;
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            BlockingQueue<Map.Entry<String, byte[]>> inbox = new LinkedBlockingQueue<>();
            client.publishes(MqttGlobalPublishFilter.ALL, p -> inbox.add(Map.entry(p.getTopic().toString(),
                    p.getPayloadAsBytes())));
            Optional<String> target = resolve(client, inbox, deadline);
            if (target.isEmpty()) {
                err.println("no kiosk \"" + kiosk + "\" has a retained state on " + connection.broker
                        + "; give REGION/HALL/KIOSK");
                return ExitCodes.OUT_OF_SERVICE;
            }
            FleetTopics topics = new FleetTopics(FleetTopics.PREFIX + target.get());
            client.subscribeWith().topicFilter(topics.reply()).qos(MqttQos.AT_LEAST_ONCE).send().get(10, TimeUnit.SECONDS);
            if (command.equals(CommandProcessor.DIAGNOSTICS)) {
                client.subscribeWith().topicFilter(topics.root() + "/diag/+").qos(MqttQos.AT_LEAST_ONCE).send()
                        .get(10, TimeUnit.SECONDS);
            }
            FleetCommand signed = new CommandSigner(privateKey, keyId).sign(target.get(), command, arguments,
                    Instant.now(), Duration.ofMinutes(validMinutes));
            client.publishWith().topic(topics.command()).payload(signed.toJson()).qos(MqttQos.AT_LEAST_ONCE).send()
                    .get(10, TimeUnit.SECONDS);
            DiagnosticsDownload download = new DiagnosticsDownload(signed.id());
            JsonNode reply = null;
            while (System.nanoTime() < deadline && (reply == null || !download.completeFor(reply))) {
                Map.Entry<String, byte[]> m = inbox.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (m == null) {
                    break;
                }
                if (m.getKey().equals(topics.reply())) {
                    JsonNode r = FleetJson.MAPPER.readTree(m.getValue());
                    if (signed.id().equals(r.path("id").asText())) {
                        reply = r;
                    }
                } else if (m.getKey().equals(topics.diagnostics(signed.id()))) {
                    download.add(FleetJson.MAPPER.readTree(m.getValue()));
                }
            }
            if (reply == null) {
                err.println("no reply from " + target.get() + " within " + timeoutSeconds + " s (offline, or the "
                        + "broker's ACL does not let it read its cmd topic)");
                return ExitCodes.OUT_OF_SERVICE;
            }
            String outcome = reply.path("outcome").asText();
            String line = target.get() + ": " + command + " " + outcome
                    + (reply.hasNonNull("code") ? " (" + reply.get("code").asText() + ")" : "")
                    + ": " + reply.path("reason").asText();
            if (!"applied".equals(outcome)) {
                err.println(line);
                reply.path("problems").forEach(p -> err.println("  " + p.asText()));
                return ExitCodes.DEVICE_FAULT;
            }
            stdout.println(line);
            if (command.equals(CommandProcessor.DIAGNOSTICS)) {
                if (!download.completeFor(reply)) {
                    err.println("the diagnostics chunks did not all arrive within " + timeoutSeconds + " s");
                    return ExitCodes.OUT_OF_SERVICE;
                }
                Path file = out != null ? out : Path.of(reply.path("data").path("file").asText("diagnostics.zip"));
                download.writeTo(file);
                stdout.println("wrote " + file);
            }
            return ExitCodes.OK;
        } finally {
            OperatorConnection.disconnect(client);
        }
    }

    /** REGION/HALL/KIOSK as given, or found from the kiosk's retained state. */
    private Optional<String> resolve(Mqtt5AsyncClient client, BlockingQueue<Map.Entry<String, byte[]>> inbox,
                                     long deadline) throws Exception {
        if (kiosk.matches("[^/+#]+/[^/+#]+/[^/+#]+")) {
            return Optional.of(kiosk);
        }
        if (!kiosk.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--kiosk must be an id or REGION/HALL/KIOSK");
        }
        String filter = FleetTopics.PREFIX + "+/+/" + kiosk + "/state";
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send().get(10, TimeUnit.SECONDS);
        Map.Entry<String, byte[]> state = inbox.poll(Math.min(5_000_000_000L, Math.max(1, deadline - System.nanoTime())),
                TimeUnit.NANOSECONDS);
        client.unsubscribeWith().topicFilter(filter).send();
        if (state == null) {
            return Optional.empty();
        }
        String topic = state.getKey();
        return Optional.of(topic.substring(FleetTopics.PREFIX.length(), topic.length() - "/state".length()));
    }
}
