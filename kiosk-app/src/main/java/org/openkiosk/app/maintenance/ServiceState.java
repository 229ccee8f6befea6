package org.openkiosk.app.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a technician (at the kiosk, or an operator by a signed fleet command) has taken the kiosk out of service,
 * why and when. While out, the screen shows the out-of-service screen with code {@value #CODE}. Thread-safe;
 * listeners are called on the caller's thread.
 *
 * <p>{@link #persistent} keeps the switch in a file of the data directory, so a kiosk taken out of service stays
 * out after a restart (a power cut must not put a broken kiosk back in front of citizens), and hands every user of
 * the same file (the maintenance screen, the fleet link, a rebuilt runtime) the same instance.
 */
public final class ServiceState {

    public static final String CODE = "E-MAINT";
    /** The file under the data directory that keeps the switch. */
    public static final String FILE = "service-state.json";

    private static final Logger log = LoggerFactory.getLogger(ServiceState.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, ServiceState> BY_FILE = new ConcurrentHashMap<>();

    /** Out of service: why, since when, and who switched (e.g. {@code technician}, {@code operator:duty-1}). */
    public record OutOfService(String reason, Instant since, String by) {
        public OutOfService(String reason, Instant since) {
            this(reason, since, "technician");
        }
    }

    private final Clock clock;
    private final Optional<Path> file;
    private final List<Consumer<Optional<OutOfService>>> listeners = new CopyOnWriteArrayList<>();
    private volatile OutOfService outOfService;

    /** A switch kept in memory only (tests, shells without a data directory). */
    public ServiceState(Clock clock) {
        this(clock, Optional.empty());
    }

    private ServiceState(Clock clock, Optional<Path> file) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.file = file;
        file.ifPresent(f -> outOfService = read(f));
    }

    /** The switch kept in {@code dataDir/service-state.json}; one shared instance per file in this process. */
    public static ServiceState persistent(Path dataDir, Clock clock) {
        Path f = dataDir.resolve(FILE).toAbsolutePath().normalize();
        return BY_FILE.computeIfAbsent(f, p -> new ServiceState(clock, Optional.of(p)));
    }

    /** A fresh, unshared reading of the file, as after a restart (tests). */
    static ServiceState reread(Path dataDir, Clock clock) {
        return new ServiceState(clock, Optional.of(dataDir.resolve(FILE)));
    }

    public void takeOutOfService(String reason) {
        takeOutOfService(reason, "technician");
    }

    public synchronized void takeOutOfService(String reason, String by) {
        String why = reason == null || reason.isBlank() ? "maintenance" : reason.strip();
        outOfService = new OutOfService(why, clock.instant(), by == null || by.isBlank() ? "technician" : by);
        write();
        notifyListeners();
    }

    public synchronized void backInService() {
        outOfService = null;
        write();
        notifyListeners();
    }

    private void write() {
        if (file.isEmpty()) {
            return;
        }
        Path f = file.get();
        try {
            Files.createDirectories(f.getParent());
            if (outOfService == null) {
                Files.deleteIfExists(f);
                return;
            }
            ObjectNode node = JSON.createObjectNode().put("reason", outOfService.reason())
                    .put("since", outOfService.since().toString()).put("by", outOfService.by());
            Path temp = Files.createTempFile(f.getParent(), "." + FILE, ".tmp");
            Files.write(temp, JSON.writeValueAsBytes(node));
            Files.move(temp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the switch still works in memory; the technician sees the cause in the log
            log.error("cannot keep the out-of-service switch in {}: {}", f, e.toString());
        }
    }

    private static OutOfService read(Path f) {
        if (!Files.exists(f)) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
            return new OutOfService(node.path("reason").asText("maintenance"),
                    Instant.parse(node.path("since").asText()), node.path("by").asText("technician"));
        } catch (IOException | RuntimeException e) {
            // a damaged file must not put a kiosk someone took out back in service
            log.error("cannot read the out-of-service switch {} ({}); staying out of service", f, e.toString());
            return new OutOfService("state file unreadable", Instant.EPOCH, "kiosk");
        }
    }

    public Optional<OutOfService> outOfService() {
        return Optional.ofNullable(outOfService);
    }

    public boolean inService() {
        return outOfService == null;
    }

    public void addListener(Consumer<Optional<OutOfService>> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Optional<OutOfService>> listener) {
        listeners.remove(listener);
    }

    private void notifyListeners() {
        Optional<OutOfService> now = outOfService();
        listeners.forEach(l -> l.accept(now));
    }
}
