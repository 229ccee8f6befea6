package org.openkiosk.bench.fleet;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openkiosk.app.config.FleetSettings;
import org.openkiosk.app.fleet.FleetExecutors;
import org.openkiosk.app.fleet.FleetLink;
import org.openkiosk.app.fleet.KioskState;
import org.openkiosk.app.fleet.StatusSource;
import org.openkiosk.app.fleet.Telemetry;

/**
 * N simulated kiosks — the real {@link FleetLink} (client, on-disk queue, alarm rules) with simulated device state —
 * in one JVM against a running broker (anonymous, e.g. {@code mosquitto -p 18830}). Random kiosks toggle their
 * receipt printer's paper between OK and NEAR_END; one subscriber measures raise-to-receipt latency of the alarms
 * and counts the telemetry. The links share {@code SHARED_THREADS} threads ({@link FleetExecutors#shared}); 0 gives
 * each link threads of its own, as in a kiosk. Kiosk-side cost per message: the process's CPU time during the
 * measured phase over the messages the links sent in it (state, alarms, telemetry; the observer's own share of the
 * CPU is included, so this is an upper bound).
 *
 * <pre>java -cp … org.openkiosk.bench.fleet.FleetScaleBenchmark mqtt://127.0.0.1:18830 N ALARMS_PER_SECOND SECONDS [SHARED_THREADS]</pre>
 */
public final class FleetScaleBenchmark {

    /** One kiosk's simulated state: a receipt printer whose paper level the benchmark flips. */
    static final class SimulatedKiosk implements StatusSource {
        final String id;
        volatile String paper = "OK";

        SimulatedKiosk(String id) {
            this.id = id;
        }

        @Override
        public KioskState state() {
            return new KioskState(KioskState.SCHEMA, id, "H-BENCH", "bench", true, null, Instant.now(),
                    new KioskState.Service(true, null, null, null, null), new KioskState.Versions("bench", "bench"), 1L,
                    List.of(new KioskState.Device("receiptPrinter", "RECEIPT_PRINTER", true, "ENABLED", "ONLINE", "ready",
                            null, paper, null, Map.of("prints", 1L))), null, null);
        }

        @Override
        public Telemetry telemetry() {
            return new Telemetry(Telemetry.SCHEMA, id, Instant.now(), 0L, 0L, 0L, 0L, 0L, 1L << 30, 1L << 20, 1L << 28, 0, 0);
        }
    }

    public static void main(String[] args) throws Exception {
        URI broker = URI.create(args[0]);
        int n = Integer.parseInt(args[1]);
        double alarmsPerSecond = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int sharedThreads = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        FleetExecutors executors = sharedThreads > 0 ? FleetExecutors.shared(sharedThreads) : FleetExecutors.own();
        AtomicLong telemetryReceived = new AtomicLong();
        Path queues = Files.createTempDirectory("fleet-bench");
        Map<String, Long> raisedAt = new ConcurrentHashMap<>();
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());

        Mqtt5AsyncClient observer = MqttClient.builder().useMqttVersion5().identifier("bench-observer")
                .serverHost(broker.getHost()).serverPort(broker.getPort()).buildAsync();
        observer.publishes(MqttGlobalPublishFilter.ALL, p -> {
            if (p.getTopic().toString().endsWith("/telemetry")) {
                telemetryReceived.incrementAndGet();
                return;
            }
            if (p.getPayloadAsBytes().length == 0) {
                return;
            }
            Long t0 = raisedAt.remove(p.getTopic().toString());
            if (t0 != null) {
                latenciesMicros.add((System.nanoTime() - t0) / 1000);
            }
        });
        observer.connectWith().cleanStart(true).send().get(10, TimeUnit.SECONDS);
        observer.subscribeWith().topicFilter("openkiosk/v1/bench/+/+/alarm/+").qos(MqttQos.AT_LEAST_ONCE).send()
                .get(10, TimeUnit.SECONDS);
        observer.subscribeWith().topicFilter("openkiosk/v1/bench/+/+/telemetry").qos(MqttQos.AT_MOST_ONCE).send()
                .get(10, TimeUnit.SECONDS);

        long startNanos = System.nanoTime();
        List<FleetLink> links = new ArrayList<>();
        List<SimulatedKiosk> kiosks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SimulatedKiosk k = new SimulatedKiosk(String.format("K-%05d", i));
            FleetSettings s = new FleetSettings(broker, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), "bench", "H-BENCH", k.id, Duration.ofSeconds(30),
                    Duration.ofSeconds(60), List.of(), Optional.of(queues.resolve(k.id)), 1000, 1 << 20);
            links.add(FleetLink.start(s, queues, k, Clock.systemUTC(), name -> null, executors));
            kiosks.add(k);
        }
        long connectDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(120, n / 10));
        while (links.stream().anyMatch(l -> !l.connected()) && System.nanoTime() < connectDeadline) {
            Thread.sleep(100);
        }
        long connected = links.stream().filter(FleetLink::connected).count();
        double startSeconds = (System.nanoTime() - startNanos) / 1e9;
        Thread.sleep(2000); // let the initial retained states drain

        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long telemetryBefore = telemetryReceived.get();
        long sentBefore = links.stream().mapToLong(FleetLink::published).sum() + telemetryBefore;
        Random random = new Random(42);
        long intervalNanos = (long) (1e9 / alarmsPerSecond);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int raised = 0;
        long next = System.nanoTime();
        while (System.nanoTime() < end) {
            int i = random.nextInt(n);
            SimulatedKiosk k = kiosks.get(i);
            String topic = "openkiosk/v1/bench/H-BENCH/" + k.id + "/alarm/PAPER_NEAR_END.receiptPrinter";
            if ("OK".equals(k.paper) && !raisedAt.containsKey(topic)) {
                raisedAt.put(topic, System.nanoTime());
                k.paper = "NEAR_END";
                raised++;
            } else {
                k.paper = "OK";
            }
            links.get(i).update();
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        Thread.sleep(3000);
        long cpuNanos = os.getProcessCpuTime() - cpuBefore;
        long sent = links.stream().mapToLong(FleetLink::published).sum() + telemetryReceived.get() - sentBefore;
        List<Long> sorted;
        synchronized (latenciesMicros) {
            sorted = new ArrayList<>(latenciesMicros);
        }
        Collections.sort(sorted);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("kiosks=%d connected=%d startSeconds=%.1f threads=%d heapUsedMB=%d%n", n, connected,
                startSeconds, Thread.activeCount(), (rt.totalMemory() - rt.freeMemory()) >> 20);
        System.out.printf("alarms raised=%d received=%d p50=%.1fms p99=%.1fms max=%.1fms%n", raised, sorted.size(),
                pct(sorted, 0.50) / 1000.0, pct(sorted, 0.99) / 1000.0,
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0);
        System.out.printf("sharedThreads=%d messages=%d (telemetry %d) cpu=%.1fs costPerMessage=%.0fus%n", sharedThreads,
                sent, telemetryReceived.get() - telemetryBefore, cpuNanos / 1e9, sent == 0 ? 0 : cpuNanos / 1000.0 / sent);
        boolean held = connected == n && sorted.size() >= raised * 0.99 && pct(sorted, 0.99) <= 1_000_000;
        System.out.println(held ? "held: all connected, alarms delivered, p99 <= 1 s" : "NOT held");
        links.parallelStream().forEach(FleetLink::close);
        executors.close();
        observer.disconnect();
        System.exit(0);
    }

    private static long pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
