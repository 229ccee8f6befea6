package org.openkiosk.app.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.fleet.FleetJson;
import org.openkiosk.app.fleet.FleetTopics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"One line per kiosk: id, online, service state, active alarms, paper; a new line whenever a "
                + "kiosk changes, until Ctrl-C. --once prints the current picture and exits."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad usage", "3:the broker cannot be reached"})
public final class FleetWatchCommand implements java.util.concurrent.Callable<Integer> {

    /** With --once: the retained messages have arrived when nothing new came for this long. */
    private static final long QUIET_MILLIS = 700;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    OperatorConnection connection;

    @Option(names = "--json", description = "one JSON object per line instead of text")
    boolean json;

    @Option(names = "--once", description = "print the current picture and exit 0")
    boolean once;

    /** What the watcher knows of one kiosk. */
    private static final class Kiosk {
        JsonNode state;
        final TreeSet<String> alarms = new TreeSet<>();
    }

    private final Map<String, Kiosk> kiosks = new TreeMap<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Mqtt5AsyncClient client;
        try {
            client = connection.connect(15);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        } catch (IOException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.OUT_OF_SERVICE;
        }
        try {
            BlockingQueue<Map.Entry<String, byte[]>> inbox = new LinkedBlockingQueue<>();
            client.publishes(MqttGlobalPublishFilter.ALL, p -> inbox.add(Map.entry(p.getTopic().toString(),
                    p.getPayloadAsBytes())));
            client.subscribeWith().topicFilter(FleetTopics.ALL_STATES).qos(MqttQos.AT_LEAST_ONCE)
                    .addSubscription().topicFilter(FleetTopics.ALL_ALARMS).qos(MqttQos.AT_LEAST_ONCE)
                    .applySubscription().send().get(10, TimeUnit.SECONDS);
            if (once) {
                Map.Entry<String, byte[]> m;
                while ((m = inbox.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    apply(m.getKey(), m.getValue());
                }
                kiosks.forEach((root, k) -> out.println(line(root, k)));
                out.flush();
                return ExitCodes.OK;
            }
            while (!Thread.currentThread().isInterrupted()) {
                Map.Entry<String, byte[]> m = inbox.take();
                String root = apply(m.getKey(), m.getValue());
                if (root != null) {
                    out.println(line(root, kiosks.get(root)));
                    out.flush();
                }
            }
            return ExitCodes.OK;
        } finally {
            OperatorConnection.disconnect(client);
        }
    }

    /** Updates the picture; returns the kiosk's topic root, or null for a message that is not understood. */
    private String apply(String topic, byte[] payload) {
        String[] levels = topic.split("/");
        if (levels.length < 6) {
            return null;
        }
        String root = String.join("/", levels[0], levels[1], levels[2], levels[3], levels[4]);
        Kiosk k = kiosks.computeIfAbsent(root, r -> new Kiosk());
        try {
            if (levels[5].equals("state") && levels.length == 6) {
                k.state = payload.length == 0 ? null : FleetJson.MAPPER.readTree(payload);
            } else if (levels[5].equals("alarm") && levels.length == 7) {
                if (payload.length == 0) {
                    k.alarms.remove(levels[6]);
                } else {
                    k.alarms.add(levels[6]);
                }
            } else {
                return null;
            }
        } catch (IOException e) {
            return null; // not JSON: ignored, like any foreign message
        }
        return root;
    }

    private String line(String root, Kiosk k) {
        String id = root.substring(FleetTopics.PREFIX.length());
        JsonNode s = k.state;
        boolean online = s != null && s.path("online").asBoolean();
        String service = s == null ? "unknown" : !online ? "-"
                : s.path("service").path("inService").asBoolean() ? "IN_SERVICE"
                : "OUT_OF_SERVICE " + s.path("service").path("code").asText() + " " + s.path("service").path("reason").asText();
        Map<String, String> paper = new TreeMap<>();
        if (s != null) {
            s.path("devices").forEach(d -> {
                if (d.hasNonNull("paper")) {
                    paper.put(d.path("name").asText(), d.path("paper").asText());
                }
            });
        }
        if (json) {
            ObjectNode o = FleetJson.MAPPER.createObjectNode();
            o.put("kiosk", id).put("online", online).put("service", service);
            o.putArray("alarms").addAll(k.alarms.stream().map(o::textNode).toList());
            ObjectNode p = o.putObject("paper");
            paper.forEach(p::put);
            if (s != null && !online) {
                o.put("reason", s.path("reason").asText());
            }
            return o.toString();
        }
        return String.format("%-28s %-7s %-30s alarms: %-40s paper: %s", id, online ? "online"
                        : "offline" + (s != null && s.hasNonNull("reason") ? " (" + s.get("reason").asText() + ")" : ""),
                service, k.alarms.isEmpty() ? "none" : String.join(",", k.alarms),
                paper.isEmpty() ? "-" : paper.toString().replaceAll("[{}]", ""));
    }
}
