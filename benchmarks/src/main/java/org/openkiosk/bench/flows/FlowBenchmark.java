package org.openkiosk.bench.flows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.DeviceConfig;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.runtime.DefaultKioskRuntime;
import org.openkiosk.app.ui.KioskShell;
import org.openkiosk.app.ui.ShellOptions;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.DemoPanel;
import org.openkiosk.app.ui.flow.FlowScreen;
import org.openkiosk.app.ui.idle.ElapsedTime;
import org.openkiosk.app.ui.idle.IdleController;
import org.openkiosk.app.ui.nav.Screen;
import org.openkiosk.app.ui.screens.identify.IdentifyScreen;
import org.openkiosk.app.ui.theme.KioskFonts;
import org.openkiosk.app.ui.work.BackgroundWork;
import org.openkiosk.device.idcard.CardType;
import org.openkiosk.device.transport.TransportUri;

/**
 * Citizen flows through the real UI on the demo kiosk's simulators, in one process under headless Monocle:
 * <ol>
 *   <li>touches from card placed (simulated reader) to certificate printed (IPP simulator);</li>
 *   <li>tap-to-next-screen latency: from a button's action to the next screen being shown with its
 *       background load finished (polled every millisecond), p50 / p95 / max over every navigating tap of the
 *       soak;</li>
 *   <li>a soak of N sessions (default 1,000; {@code --sessions 10000} for the long soak) rotating through six kinds
 *       of session: the four services, the attract ↔ identify cycle (a citizen who changes their mind on the
 *       identify screen, a card placed on the attract screen) and the idle path (warning, "still here", reset),
 *       reporting heap used after a full GC, resident memory, live threads and open file descriptors at the start
 *       (after 24 warm-up sessions), every {@code --sample-every} sessions and at the end ({@link ProcessResources}),
 *       and where the sessions' wall time went.</li>
 * </ol>
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -Xmx512m -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.openkiosk.bench.flows.FlowBenchmark --sessions 1000
 * </pre>
 * {@code --histograms DIR} also writes the class histogram (live objects after a full GC, as {@code jcmd PID
 * GC.class_histogram} prints it) at the start, half-way and at the end of the soak into DIR, to see what grows.
 *
 * <p>Pace (ADR 0182): the soak measures growth, not how fast a citizen is served, so it does not wait like a
 * citizen. The reader's driver polls its simulator every {@code --reader-poll-ms} (default 20 ms, the demo's 300 ms
 * with {@code --reader-poll-ms 300}; {@code sim:?pollMillis=N}); a card is placed again as soon as the simulator has
 * answered the driver "no card" (instead of the demo panel's 800 ms pause); the idle timer's monotonic time
 * ({@link ElapsedTime}) is moved forward by the timeout instead of waited for. Everything else is as in the
 * kiosk: real screens, the real GA 467 driver over a pty to the simulator, the ESC/POS and IPP drivers over their
 * simulators, the store, the audit trail.
 */
public final class FlowBenchmark {

    /**
     * Warm-up sessions by default ({@code --warm-up N} to change): a multiple of the {@link #KINDS} kinds of session.
     * Enough for the JIT; bounded caches (H2's page cache, JavaFX's text layout cache) take a few thousand sessions
     * to reach their size, so the soak's steady state is judged with {@code --warm-up 3000} (BENCHMARKS.md).
     */
    private static final int WARM_UP = 24;
    /** Kinds of session in the rotation: four services, the attract ↔ identify cycle, the idle path. */
    private static final int KINDS = 6;
    /** Screens that call the services (store, platform, renderer, printers) before they are ready. */
    private static final java.util.Set<String> LOADING = java.util.Set.of("identity-confirmed", "certificate-list",
            "certificate-preview", "progress", "guides", "book-service", "book-day", "check-in", "walk-in", "ticket",
            "leaving");

    private final UiContext ctx;
    private final KioskShell shell;
    /**
     * Every tap's latency and next screen, in primitive arrays reserved before the soak's first figure: boxed
     * {@code Double}s in lists (as before 2026-12-02) grew the heap by about 0.5 MB a thousand sessions, the
     * benchmark's own growth counted against the kiosk's (ADR 0182).
     */
    private double[] tapMs = new double[1024];
    private short[] tapScreen = new short[1024];
    private int taps;
    private final List<String> screenNames = new ArrayList<>();
    private int touches;

    private final DefaultKioskRuntime runtime;
    /** Monotonic time skipped forward for the idle timer (a citizen walking away), added to {@link System#nanoTime()}. */
    private final AtomicLong skippedNanos;
    /** Wall time of the soak's sessions by what they were doing. */
    private final Map<String, Long> wallNanos = new LinkedHashMap<>();
    private int idleResets;
    private int stillHere;

    private FlowBenchmark(KioskShell shell, DefaultKioskRuntime runtime, AtomicLong skippedNanos) {
        this.shell = shell;
        this.runtime = runtime;
        this.skippedNanos = skippedNanos;
        this.ctx = shell.context().orElseThrow();
    }

    public static void main(String[] args) throws Exception {
        int sessions = 1000;
        Path histograms = null;
        int readerPollMs = 20;
        int sampleEvery = 500;
        int warmUp = WARM_UP;
        for (int i = 0; i < args.length; i++) {
            if ("--sessions".equals(args[i]) && i + 1 < args.length) {
                sessions = Integer.parseInt(args[++i]);
            } else if ("--histograms".equals(args[i]) && i + 1 < args.length) {
                histograms = Files.createDirectories(Paths.get(args[++i]));
            } else if ("--reader-poll-ms".equals(args[i]) && i + 1 < args.length) {
                readerPollMs = Integer.parseInt(args[++i]);
            } else if ("--sample-every".equals(args[i]) && i + 1 < args.length) {
                sampleEvery = Integer.parseInt(args[++i]);
            } else if ("--warm-up".equals(args[i]) && i + 1 < args.length) {
                warmUp = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: FlowBenchmark [--sessions N] [--histograms DIR] [--reader-poll-ms MS (20)]"
                        + " [--sample-every N (500)] [--warm-up N (24, a multiple of 6)]");
                System.exit(2);
            }
        }
        if (sessions < 2 || readerPollMs < 1 || sampleEvery < 1 || warmUp < 0 || warmUp % KINDS != 0) {
            System.err.println("--sessions must be at least 2, --reader-poll-ms and --sample-every at least 1,"
                    + " --warm-up a multiple of " + KINDS);
            System.exit(2);
        }
        headless();
        // a line per screen change × thousands of sessions would measure the console, not the kiosk
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        // "no booking today" on the check-in screen is an expected refusal of the soak's walk-in sessions
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.openkiosk.app.ui.work"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        Path home = Paths.get(System.getProperty("kiosk.home", ".")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(home.resolve("config/kiosk.yaml"))) {
            System.err.println("run from the repository root (or pass -Dkiosk.home=DIR): no config/kiosk.yaml in " + home);
            System.exit(2);
        }
        Path tmp = Files.createTempDirectory("kiosk-bench-flows");
        Path configDir = copyConfig(home.resolve("config"), tmp.resolve("config"));
        KioskConfig config = pollReaderEvery(ConfigLoader.load(configDir), readerPollMs);
        Clock clock = Clock.systemDefaultZone();
        AtomicLong skipped = new AtomicLong();
        ElapsedTime elapsed = () -> System.nanoTime() + skipped.get();
        try (DefaultKioskRuntime runtime = DefaultKioskRuntime.start(config, configDir, tmp.resolve("data"), true, clock);
             BackgroundWork work = new BackgroundWork()) {
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get(30, TimeUnit.SECONDS);
            KioskFonts.load();
            KioskShell shell = fx(() -> {
                KioskShell s = new KioskShell(ShellOptions.kiosk().withWindowed(true).withDemo(true), clock, elapsed,
                        work, 1920, 1080);
                Stage stage = new Stage();
                stage.setScene(s.scene());
                stage.show();
                s.showReady(config, runtime);
                return s;
            });
            FlowBenchmark bench = new FlowBenchmark(shell, runtime, skipped);
            System.out.printf(Locale.ROOT, "citizen flows on the demo kiosk's simulators, Monocle headless, %s %s, %d cpus, -Xmx%d MB%n",
                    System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(Locale.ROOT, "pace: the ID reader's driver polls its simulator every %d ms (%s); a card is placed"
                    + " again once the reader was answered \"no card\"; idle time is skipped forward%n", readerPollMs,
                    config.devices().get(KioskConfig.ID_READER).uri());

            int certificateTouches = bench.certificateByCard(runtime);
            System.out.printf(Locale.ROOT, "touches from card placed to certificate printed: %d%n", certificateTouches);

            for (int i = 0; i < warmUp; i++) {
                bench.session(i);
            }
            bench.reserveTaps(sessions * 8); // at most 7 taps in a session
            bench.wallNanos.clear();
            bench.idleResets = 0;
            bench.stillHere = 0;
            ProcessResources before = ProcessResources.now();
            List<String> namesBefore = ProcessResources.threadsAndFiles();
            String cacheBefore = storeCache(tmp.resolve("data"));
            ClassHistogram.write(histograms, "start");
            System.out.println("sessions  soak s  " + ProcessResources.SAMPLE_HEADER);
            System.out.printf(Locale.ROOT, "%8d  %6.0f  %s%n", 0, 0.0, before.sample());
            // heap-after-GC samples, reserved before the soak: a single sample can catch a multi-MB pixel buffer
            long[] heapSamples = new long[sessions / sampleEvery + 3];
            int heapSampleCount = 0;
            heapSamples[heapSampleCount++] = before.heapAfterGcBytes();
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            long paused = 0; // samples and histograms taken during the soak are not session time
            long pausedCpu = 0;
            ProcessResources middle = null;
            int locked = EffectPool.locked();
            for (int i = 0; i < sessions; i++) {
                bench.session(i);
                if (EffectPool.WATCH) {
                    int now = EffectPool.locked();
                    if (now != locked) {
                        System.out.printf(Locale.ROOT, "effect pool: %d -> %d images locked after session %d (kind %d)%n",
                                locked, now, i, i % KINDS);
                        locked = now;
                    }
                }
                long p0 = System.nanoTime();
                long c0 = processCpuNanos();
                if (i + 1 == sessions / 2) {
                    ClassHistogram.write(histograms, "middle");
                    middle = ProcessResources.now();
                    heapSamples[heapSampleCount++] = middle.heapAfterGcBytes();
                    System.out.printf(Locale.ROOT, "%8d  %6.0f  %s  (half-way)%n", i + 1, (p0 - t0 - paused) / 1e9,
                            middle.sample());
                } else if ((i + 1) % sampleEvery == 0 && i + 1 < sessions) {
                    ProcessResources sample = ProcessResources.now();
                    heapSamples[heapSampleCount++] = sample.heapAfterGcBytes();
                    System.out.printf(Locale.ROOT, "%8d  %6.0f  %s%n", i + 1, (p0 - t0 - paused) / 1e9, sample.sample());
                }
                paused += System.nanoTime() - p0;
                pausedCpu += processCpuNanos() - c0;
            }
            double seconds = (System.nanoTime() - t0 - paused) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu0 - pausedCpu) / 1e9;
            ProcessResources after = ProcessResources.now();
            heapSamples[heapSampleCount++] = after.heapAfterGcBytes();
            System.out.printf(Locale.ROOT, "%8d  %6.0f  %s%n", sessions, seconds, after.sample());
            ClassHistogram.write(histograms, "end");
            System.out.printf(Locale.ROOT, "soak: %d sessions in %.1f s (%.0f ms per session; samples not counted)%n",
                    sessions, seconds, seconds * 1000 / sessions);
            System.out.printf(Locale.ROOT, "process CPU time: %.1f s (%.0f ms per session, all threads; on a quiet machine"
                    + " wall time per session is at least this divided by the CPUs, plus the waits)%n", cpuSeconds,
                    cpuSeconds * 1000 / sessions);
            System.out.printf(Locale.ROOT, "load average at the end: %.1f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf(Locale.ROOT, "idle path: %d warnings answered \"still here\", %d idle resets to the attract screen%n",
                    bench.stillHere, bench.idleResets);
            System.out.println("where the sessions' wall time went (ms per session):");
            long accounted = 0;
            for (var e : bench.wallNanos.entrySet()) {
                accounted += e.getValue();
                System.out.printf(Locale.ROOT, "  %-58s %7.1f%n", e.getKey(), e.getValue() / 1e6 / sessions);
            }
            System.out.printf(Locale.ROOT, "  %-58s %7.1f%n", "rest (benchmark's own bookkeeping)",
                    (seconds * 1e9 - accounted) / 1e6 / sessions);
            System.out.println(ProcessResources.compare(before, after));
            if (heapSampleCount >= 6) {
                long first = median(Arrays.copyOfRange(heapSamples, 0, 3));
                long last = median(Arrays.copyOfRange(heapSamples, heapSampleCount - 3, heapSampleCount));
                System.out.printf(Locale.ROOT, "heap used after full GC, median of the first three samples → median of the"
                        + " last three: %.1f → %.1f MB (%+.1f MB, %+.1f %%)%n", first / 1048576.0, last / 1048576.0,
                        (last - first) / 1048576.0, 100.0 * (last - first) / first);
            }
            System.out.print("threads and file descriptors (digits as N), end against start:\n"
                    + ProcessResources.difference(namesBefore, ProcessResources.threadsAndFiles()));
            if (middle != null) {
                System.out.println("second half only: " + ProcessResources.compare(middle, after).lines().findFirst().orElse(""));
            }
            System.out.println("embedded store's page cache: start " + cacheBefore + ", end " + storeCache(tmp.resolve("data")));
            double[] sorted = Arrays.copyOf(bench.tapMs, bench.taps);
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "tap to next screen ready (%d taps): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    sorted.length, percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1]);
            System.out.println("by next screen (p50 / p95 ms); screens marked * load from the store or a device first:");
            for (String screen : new java.util.TreeSet<>(bench.screenNames)) {
                int index = bench.screenNames.indexOf(screen);
                double[] l = java.util.stream.IntStream.range(0, bench.taps).filter(t -> bench.tapScreen[t] == index)
                        .mapToDouble(t -> bench.tapMs[t]).sorted().toArray();
                if (l.length == 0) { // reached only before the soak (the certificate flow)
                    continue;
                }
                System.out.printf(Locale.ROOT, "  %-20s %s %6.1f / %6.1f  (%d taps)%n", screen,
                        LOADING.contains(screen) ? "*" : " ", percentile(l, 50), percentile(l, 95), l.length);
            }
            fx(() -> {
                shell.stop();
                return null;
            });
        }
        Platform.exit();
        System.exit(0);
    }

    /** The card flow once, counting touches from the card placed to the certificate printed. */
    private int certificateByCard(DefaultKioskRuntime runtime) throws Exception {
        tap("service-certificate-printing", IdentifyScreen.ID);
        touches = 0;
        DemoPanel.placeAgain(runtime.demoControls().orElseThrow());
        awaitScreen("identity-confirmed");
        tap("continue", "certificate-list");
        tap("certificate-no-criminal-record", "certificate-preview");
        tap("print", "certificate-outcome");
        int counted = touches;
        boolean printed = fx(() -> ((org.openkiosk.app.ui.screens.certificate.CertificateOutcomeScreen)
                ctx.navigator().current()).result().outcome().printed());
        if (!printed || runtime.simulators().a4().orElseThrow().printed().size() != 1) {
            throw new IllegalStateException("the certificate was not printed on the IPP simulator");
        }
        tap("done", "rating");
        tap("rate-very-satisfied", "leaving");
        tap("leave", "attract");
        return counted;
    }

    /**
     * One citizen: identified by the ID card (certificates, queries and booking require it, services.yaml
     * {@code assurance}, ADR 0110; thousands of typed numbers would be stopped by the attempt limit, ADR 0111);
     * a few steps of one of the four services; leave. Every sixth session goes back and forth between the attract and
     * identify screens, every sixth walks away and is reset by the idle timer (ADR 0182).
     */
    private void session(int i) throws Exception {
        switch (i % KINDS) {
            case 0 -> {
                identifyByCard("service-certificate-printing");
                tap("continue", "certificate-list");
                tap("certificate-household-registration", "certificate-preview");
                tap("go-home", "attract");
            }
            case 1 -> {
                identifyByCard("service-queries");
                tap("continue", "queries");
                tap("open-progress", "progress");
                tap("back", "queries");
                tap("open-guides", "guides");
                tap("go-home", "attract");
            }
            case 2 -> {
                identifyByCard("service-appointments");
                tap("continue", "book-service");
                tap("book-exit-entry", "book-day");
                tap("go-home", "attract");
            }
            case 3 -> {
                identifyByCard("service-check-in");
                tap("continue", "check-in");
                tap("walk-in", "walk-in");
                tap("walkin-vehicle", "ticket");
                tap("done", "rating");
                tap("rate-satisfied", "leaving");
                tap("leave", "attract");
            }
            case 4 -> {
                // attract ↔ identify: a citizen changes their mind on the identify screen; the next places the card on
                // the attract screen and picks the service after; a third does the same and finishes at once
                tap("service-appointments", IdentifyScreen.ID);
                tap("go-home", "attract");
                cardOnAttract();
                tap("start-queries", "queries");
                tap("go-home", "attract");
                cardOnAttract();
                tap("finish", "attract");
            }
            default -> {
                // the idle path: one walks away from the identify screen; the next is identified, walks away in the
                // certificate list, answers "still here", walks away again and the kiosk resets for the next citizen
                tap("service-certificate-printing", IdentifyScreen.ID);
                walkAway(true);
                cardOnAttract();
                tap("start-certificate-printing", "certificate-list");
                walkAway(false);
                walkAway(true);
            }
        }
    }

    private void identifyByCard(String service) throws Exception {
        tap(service, IdentifyScreen.ID);
        placeCardAgain();
        long t = System.nanoTime();
        awaitScreen("identity-confirmed");
        account("card placed → identity confirmed (reader poll, read, lookup, audit)", t);
    }

    /** The card placed while the attract screen shows: the citizen is identified first and chooses the service after. */
    private void cardOnAttract() throws Exception {
        awaitScreen("attract");
        placeCardAgain();
        long t = System.nanoTime();
        awaitScreen("identity-confirmed");
        account("card placed → identity confirmed (reader poll, read, lookup, audit)", t);
        if (fx(() -> ctx.sessions().current().isEmpty())) {
            throw new IllegalStateException("identified on the attract screen, but no session started");
        }
    }

    /**
     * Takes the card off the simulated reader and puts it back as a new placement, as soon as the real driver has
     * been answered "no card" (it then reads the next placement); {@code DemoPanel.placeAgain} pauses 800 ms instead,
     * enough for two polls at the demo's 300 ms.
     */
    private void placeCardAgain() throws Exception {
        long t = System.nanoTime();
        var reader = runtime.simulators().idCard().orElseThrow();
        long noCard = reader.answeredNoCard();
        runtime.demoControls().orElseThrow().removeCard();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (reader.answeredNoCard() == noCard) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the reader's driver did not poll the simulator within 30 s");
            }
            Thread.sleep(1);
        }
        runtime.demoControls().orElseThrow().placeCard(CardType.RESIDENT);
        account("card taken off until the driver was answered \"no card\"", t);
    }

    /**
     * The citizen stops touching: the idle timer's monotonic time is moved past the timeout and the timer ticks (as
     * its {@code Timeline} does every 250 ms) until the "still there?" warning shows; then either a touch on "still
     * here" (the session goes on, same screen) or the warning time is moved past too and the kiosk resets to the
     * attract screen with the session ended.
     */
    private void walkAway(boolean gone) throws Exception {
        awaitIdle();
        long t = System.nanoTime();
        String screen = fx(() -> ctx.navigator().current().id());
        IdleController idle = shell.idle().orElseThrow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // background work holds the timer (ADR 0132): skip again until the warning shows
        while (!fx(() -> {
            skippedNanos.addAndGet(idle.monitor().timeout().plusSeconds(1).toNanos());
            idle.tick();
            return shell.scene().lookup("#idle-overlay").isVisible();
        })) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no idle warning within 30 s on " + screen);
            }
            Thread.sleep(1);
        }
        if (!gone) {
            fx(() -> {
                Node stay = shell.scene().lookup("#idle-stay");
                // a touch, as the scene's activity filter sees it (firing the button would not be one)
                javafx.event.Event.fireEvent(stay, new javafx.scene.input.MouseEvent(
                        javafx.scene.input.MouseEvent.MOUSE_PRESSED, 10, 10, 10, 10,
                        javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false,
                        true, false, false, null));
                idle.tick();
                if (shell.scene().lookup("#idle-overlay").isVisible() || !screen.equals(ctx.navigator().current().id())) {
                    throw new IllegalStateException("\"still here\" did not keep the session on " + screen);
                }
                return null;
            });
            stillHere++;
            account("idle: warning, \"still here\"", t);
            return;
        }
        fx(() -> {
            skippedNanos.addAndGet(idle.monitor().warning().plusSeconds(1).toNanos());
            idle.tick();
            return null;
        });
        awaitScreen("attract");
        if (fx(() -> ctx.sessions().current().isPresent())) {
            throw new IllegalStateException("the idle reset left a session behind");
        }
        idleResets++;
        account("idle: warning, reset to the attract screen", t);
    }

    private void reserveTaps(int capacity) {
        tapMs = new double[capacity];
        tapScreen = new short[capacity];
        taps = 0;
    }

    private void recordTap(double ms, String screen) {
        if (taps == tapMs.length) { // only when more taps than reserved (the certificate flow, the warm-up)
            tapMs = Arrays.copyOf(tapMs, taps * 2);
            tapScreen = Arrays.copyOf(tapScreen, taps * 2);
        }
        int index = screenNames.indexOf(screen);
        if (index < 0) {
            screenNames.add(screen);
            index = screenNames.size() - 1;
        }
        tapMs[taps] = ms;
        tapScreen[taps] = (short) index;
        taps++;
    }

    private void account(String what, long since) {
        wallNanos.merge(what, System.nanoTime() - since, Long::sum);
    }

    /** The configuration with the ID reader's driver polling its simulator every {@code pollMs} ({@code sim:?pollMillis}). */
    private static KioskConfig pollReaderEvery(KioskConfig config, int pollMs) {
        DeviceConfig reader = config.devices().get(KioskConfig.ID_READER);
        if (reader == null || !reader.uri().isSimulator()) {
            throw new IllegalStateException("the soak needs the demo's simulated ID reader (idReader uri \"sim:\")");
        }
        String uri = reader.uri().toString();
        String polled = uri + (uri.contains("?") ? "&" : "?") + "pollMillis=" + pollMs;
        Map<String, DeviceConfig> devices = new LinkedHashMap<>(config.devices());
        devices.put(KioskConfig.ID_READER, new DeviceConfig(reader.driver(), TransportUri.parse(polled),
                reader.required(), reader.options()));
        return new KioskConfig(config.kiosk(), config.ui(), devices, config.store(), config.maintenance(),
                config.audit(), config.fleet(), config.ratingsTarget());
    }

    /** Fires the button like a touch and waits until the next screen is shown and has finished loading. */
    private void tap(String id, String nextScreen) throws Exception {
        long waited = System.nanoTime();
        awaitIdle();
        account("before a tap: the screen's background work", waited);
        int lockedBefore = EffectPool.WATCH_TAPS ? EffectPool.locked() : 0;
        long start = fx(() -> {
            Node node = shell.scene().lookup("#" + id);
            if (!(node instanceof ButtonBase button) || button.isDisabled()) {
                throw new IllegalStateException("no enabled #" + id + " on " + ctx.navigator().current().id());
            }
            long t = System.nanoTime();
            button.fire();
            return t;
        });
        touches++;
        awaitScreen(nextScreen);
        double ms = (System.nanoTime() - start) / 1e6;
        wallNanos.merge(LOADING.contains(nextScreen) ? "taps to screens that load (store, renderer, printers)"
                : "taps to screens that load nothing", System.nanoTime() - start, Long::sum);
        recordTap(ms, nextScreen);
        if (EffectPool.WATCH_TAPS) {
            awaitIdle();
            int lockedAfter = EffectPool.locked();
            if (lockedAfter != lockedBefore) {
                System.out.printf(Locale.ROOT, "effect pool: %d -> %d images locked by tap #%s to %s%n", lockedBefore,
                        lockedAfter, id, nextScreen);
            }
        }
    }

    private void awaitScreen(String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!fx(() -> id.equals(ctx.navigator().current().id()) && !busy(ctx.navigator().current()))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no screen " + id + " within 30 s (on "
                        + fx(() -> ctx.navigator().current().id()) + ")");
            }
            Thread.sleep(1);
        }
    }

    private void awaitIdle() throws Exception {
        while (fx(() -> busy(ctx.navigator().current()))) {
            Thread.sleep(1);
        }
    }

    private static boolean busy(Screen screen) {
        return (screen instanceof FlowScreen f && f.busyProperty().get())
                || (screen instanceof IdentifyScreen i && i.busyProperty().get());
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    /**
     * H2's own figures for the demo store's page cache (MB used of the maximum), through a second connection to the
     * open database of this JVM; one of the things that grow with the sessions until their bound.
     */
    private static String storeCache(Path dataDir) {
        String url = "jdbc:h2:file:" + dataDir.resolve(DefaultKioskRuntime.DEMO_STORE_FILE)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "kiosk", "");
             java.sql.ResultSet r = c.createStatement().executeQuery("SELECT setting_name, setting_value FROM "
                     + "information_schema.settings WHERE setting_name IN ('info.CACHE_SIZE', 'info.CACHE_MAX_SIZE')")) {
            java.util.Map<String, String> values = new java.util.TreeMap<>();
            while (r.next()) {
                values.put(r.getString(1), r.getString(2));
            }
            return values.getOrDefault("info.CACHE_SIZE", "?") + " MB used of " + values.getOrDefault("info.CACHE_MAX_SIZE", "?") + " MB";
        } catch (java.sql.SQLException e) {
            return "not readable (" + e.getMessage() + ")";
        }
    }

    private static long median(long[] three) {
        Arrays.sort(three);
        return three[three.length / 2];
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static void headless() {
        setDefault("glass.platform", "Monocle");
        setDefault("monocle.platform", "Headless");
        setDefault("prism.order", "sw");
        setDefault("prism.text", "t2k");
        setDefault("headless.geometry", "1920x1080-32");
        setDefault("java.awt.headless", "true");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static Path copyConfig(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
