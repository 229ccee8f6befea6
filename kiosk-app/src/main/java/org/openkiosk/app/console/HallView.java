package org.openkiosk.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.openkiosk.app.fleet.FleetJson;
import org.openkiosk.app.fleet.FleetTopics;

/**
 * What the console knows of its hall, built from the fleet link's messages (docs/fleet-asyncapi.yaml): each kiosk's
 * retained state, active alarms and today's sessions, the open help calls, and a bounded log of what happened. Every
 * change is handed to the listeners as a named update (the browsers' server-sent events). Thread-safe.
 */
public final class HallView {

    /** How many log lines the console keeps (newest first in the browser). */
    public static final int LOG_SIZE = 500;

    /** A change for the browsers: {@code kiosk}, {@code help} or {@code log}, with its JSON. */
    public record Update(String event, JsonNode data) {}

    private final Clock clock;
    private final Map<String, ObjectNode> kiosks = new TreeMap<>();
    private final Map<String, ObjectNode> helpCalls = new LinkedHashMap<>();
    private final Deque<ObjectNode> log = new ArrayDeque<>();
    private final List<Consumer<Update>> listeners = new CopyOnWriteArrayList<>();

    public HallView(Clock clock) {
        this.clock = clock;
    }

    public void addListener(Consumer<Update> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Update> listener) {
        listeners.remove(listener);
    }

    /** Everything at once, for a browser that just connected. */
    public synchronized ObjectNode snapshot() {
        ObjectNode all = FleetJson.MAPPER.createObjectNode();
        ArrayNode k = all.putArray("kiosks");
        kiosks.values().forEach(n -> k.add(n.deepCopy()));
        ArrayNode h = all.putArray("helpCalls");
        helpCalls.values().forEach(n -> h.add(n.deepCopy()));
        ArrayNode l = all.putArray("log");
        log.forEach(n -> l.add(n.deepCopy()));
        all.put("now", clock.instant().toString());
        return all;
    }

    public synchronized boolean knows(String target) {
        return kiosks.containsKey(target);
    }

    /** A help call's current word, if it is open. */
    public synchronized java.util.Optional<JsonNode> helpCall(String id) {
        return java.util.Optional.ofNullable(helpCalls.get(id)).map(JsonNode::deepCopy);
    }

    /** One message from the broker. Foreign or broken messages are ignored. */
    public void accept(String topic, byte[] payload) {
        if (!topic.startsWith(FleetTopics.PREFIX)) {
            return;
        }
        String[] levels = topic.substring(FleetTopics.PREFIX.length()).split("/");
        if (levels.length < 4) {
            return;
        }
        String target = levels[0] + "/" + levels[1] + "/" + levels[2];
        JsonNode json = null;
        if (payload.length > 0) {
            try {
                json = FleetJson.MAPPER.readTree(payload);
            } catch (IOException e) {
                return;
            }
            if (json == null || !json.isObject()) {
                return;
            }
        }
        switch (levels[3]) {
            case "state" -> state(target, json);
            case "alarm" -> {
                if (levels.length == 5) {
                    alarm(target, levels[4], json);
                }
            }
            case "telemetry" -> telemetry(target, json);
            case "help" -> help(target, json);
            case "reply" -> reply(target, json);
            case "event" -> event(target, json);
            default -> { }
        }
    }

    private synchronized ObjectNode kiosk(String target) {
        return kiosks.computeIfAbsent(target, t -> {
            ObjectNode n = FleetJson.MAPPER.createObjectNode();
            String[] parts = t.split("/");
            n.put("target", t).put("kiosk", parts[2]).put("hall", parts[1]).put("online", false);
            n.putObject("alarms");
            n.putArray("devices");
            return n;
        });
    }

    private void state(String target, JsonNode s) {
        if (s == null) {
            return;
        }
        ObjectNode k;
        boolean wasOnline;
        synchronized (this) {
            k = kiosk(target);
            wasOnline = k.path("online").asBoolean();
            boolean online = s.path("online").asBoolean();
            k.put("online", online);
            k.put("reason", s.path("reason").asText(""));
            k.put("inService", s.path("service").path("inService").asBoolean(true));
            k.put("serviceCode", s.path("service").path("code").asText(""));
            k.put("serviceReason", s.path("service").path("reason").asText(""));
            ArrayNode devices = k.putArray("devices");
            for (JsonNode d : s.path("devices")) {
                ObjectNode dev = devices.addObject();
                dev.put("name", d.path("name").asText()).put("state", d.path("state").asText())
                        .put("health", d.path("health").asText());
                if (d.hasNonNull("paper")) {
                    dev.put("paper", d.path("paper").asText());
                }
            }
            k.put("stateAt", s.path("at").asText(clock.instant().toString()));
            if (wasOnline != online) {
                logLine(target, online ? "online" : "offline", online ? "" : s.path("reason").asText(""));
            }
        }
        changed(target);
    }

    private void alarm(String target, String code, JsonNode a) {
        synchronized (this) {
            ObjectNode alarms = (ObjectNode) kiosk(target).get("alarms");
            if (a == null) {
                if (alarms.remove(code) == null) {
                    return;
                }
                logLine(target, "alarm-cleared", code);
            } else {
                if (alarms.has(code)) {
                    return;
                }
                alarms.putObject(code).put("severity", a.path("severity").asText("warning"))
                        .put("since", a.path("since").asText(clock.instant().toString()))
                        .put("text", a.path("text").asText(""));
                logLine(target, "alarm-raised", code + " (" + a.path("severity").asText() + ")");
            }
        }
        changed(target);
    }

    private void telemetry(String target, JsonNode t) {
        if (t == null) {
            return;
        }
        synchronized (this) {
            ObjectNode k = kiosk(target);
            if (k.path("sessions").asLong(-1) == t.path("sessions").asLong(-1)) {
                return;
            }
            k.put("sessions", t.path("sessions").asLong());
        }
        changed(target);
    }

    private void help(String target, JsonNode h) {
        if (h == null || !h.hasNonNull("id")) {
            return;
        }
        ObjectNode call;
        synchronized (this) {
            String id = h.path("id").asText();
            String state = h.path("state").asText();
            call = FleetJson.MAPPER.createObjectNode();
            call.put("id", id).put("target", target).put("kiosk", h.path("kiosk").asText())
                    .put("state", state).put("screen", h.path("screen").asText())
                    .put("service", h.path("service").asText("")).put("raisedAt", h.path("raisedAt").asText());
            ObjectNode before = helpCalls.get(id);
            boolean open = state.equals("open") || state.equals("acknowledged");
            if (open) {
                if (before != null && before.path("state").asText().equals(state)) {
                    return;
                }
                helpCalls.put(id, call);
            } else if (helpCalls.remove(id) == null) {
                return; // a closed call from before the console started (retained): nothing to show
            }
            logLine(target, "help-" + state, h.path("screen").asText()
                    + (h.hasNonNull("reason") ? " (" + h.path("reason").asText() + ")" : ""));
        }
        tell(new Update("help", call));
    }

    private void reply(String target, JsonNode r) {
        if (r == null) {
            return;
        }
        synchronized (this) {
            logLine(target, "reply", r.path("command").asText("?") + " " + r.path("outcome").asText()
                    + (r.hasNonNull("code") ? " " + r.path("code").asText() : "") + ": " + r.path("reason").asText());
        }
    }

    private void event(String target, JsonNode e) {
        if (e == null) {
            return;
        }
        synchronized (this) {
            logLine(target, "event", e.path("type").asText());
        }
    }

    /** A line of the console's own (a command sent by a member of staff). */
    public void note(String target, String type, String text) {
        synchronized (this) {
            logLine(target, type, text);
        }
    }

    /** Caller holds the lock; the line goes out after it is released (tell is cheap: listeners only queue). */
    private void logLine(String target, String type, String text) {
        ObjectNode line = FleetJson.MAPPER.createObjectNode();
        line.put("at", clock.instant().toString()).put("target", target)
                .put("kiosk", target.substring(target.lastIndexOf('/') + 1)).put("type", type).put("text", text);
        log.addFirst(line);
        while (log.size() > LOG_SIZE) {
            log.removeLast();
        }
        tell(new Update("log", line));
    }

    private void changed(String target) {
        ObjectNode copy;
        synchronized (this) {
            copy = kiosks.get(target).deepCopy();
        }
        tell(new Update("kiosk", copy));
    }

    private void tell(Update u) {
        for (Consumer<Update> l : listeners) {
            l.accept(u);
        }
    }

    /** For tests and the benchmark. */
    public synchronized int kioskCount() {
        return kiosks.size();
    }

    Instant now() {
        return clock.instant();
    }
}
