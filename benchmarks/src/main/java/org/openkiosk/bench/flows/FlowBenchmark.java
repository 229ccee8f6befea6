package org.openkiosk.bench.flows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.runtime.DefaultKioskRuntime;
import org.openkiosk.app.ui.KioskShell;
import org.openkiosk.app.ui.ShellOptions;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.DemoPanel;
import org.openkiosk.app.ui.flow.FlowScreen;
import org.openkiosk.app.ui.nav.Screen;
import org.openkiosk.app.ui.screens.identify.IdentifyScreen;
import org.openkiosk.app.ui.theme.KioskFonts;
import org.openkiosk.app.ui.work.BackgroundWork;

/**
 * Citizen flows through the real UI on the demo kiosk's simulators, in one process under headless Monocle:
 * <ol>
 *   <li>touches from card placed (simulated reader) to certificate printed (IPP simulator);</li>
 *   <li>tap-to-next-screen latency: from a button's action to the next screen being shown with its
 *       background load finished (polled every millisecond), p50 / p95 / max over every navigating tap of the
 *       soak;</li>
 *   <li>a soak of N sessions (default 1,000; {@code --sessions 10000} for the long soak) rotating through the four
 *       services, reporting heap used after a full GC, resident memory, live threads and open file descriptors at
 *       the start (after 20 warm-up sessions) and at the end ({@link ProcessResources}).</li>
 * </ol>
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -Xmx512m -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.openkiosk.bench.flows.FlowBenchmark --sessions 1000
 * </pre>
 * {@code --histograms DIR} also writes the class histogram (live objects after a full GC, as {@code jcmd PID
 * GC.class_histogram} prints it) at the start, half-way and at the end of the soak into DIR, to see what grows.
 */
public final class FlowBenchmark {

    private static final int WARM_UP = 20;
    /** Screens that call the services (store, platform, renderer, printers) before they are ready. */
    private static final java.util.Set<String> LOADING = java.util.Set.of("identity-confirmed", "certificate-list",
            "certificate-preview", "progress", "guides", "book-service", "book-day", "check-in", "walk-in", "ticket",
            "leaving");

    private final UiContext ctx;
    private final KioskShell shell;
    private final List<Double> latenciesMs = new ArrayList<>();
    private final java.util.Map<String, List<Double>> byScreen = new java.util.TreeMap<>();
    private int touches;

    private final DefaultKioskRuntime runtime;

    private FlowBenchmark(KioskShell shell, DefaultKioskRuntime runtime) {
        this.shell = shell;
        this.runtime = runtime;
        this.ctx = shell.context().orElseThrow();
    }

    public static void main(String[] args) throws Exception {
        int sessions = 1000;
        Path histograms = null;
        for (int i = 0; i < args.length; i++) {
            if ("--sessions".equals(args[i]) && i + 1 < args.length) {
                sessions = Integer.parseInt(args[++i]);
            } else if ("--histograms".equals(args[i]) && i + 1 < args.length) {
                histograms = Files.createDirectories(Paths.get(args[++i]));
            } else {
                System.err.println("usage: FlowBenchmark [--sessions N] [--histograms DIR]");
                System.exit(2);
            }
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
        KioskConfig config = ConfigLoader.load(configDir);
        Clock clock = Clock.systemDefaultZone();
        try (DefaultKioskRuntime runtime = DefaultKioskRuntime.start(config, configDir, tmp.resolve("data"), true, clock);
             BackgroundWork work = new BackgroundWork()) {
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get(30, TimeUnit.SECONDS);
            KioskFonts.load();
            KioskShell shell = fx(() -> {
                KioskShell s = new KioskShell(ShellOptions.kiosk().withWindowed(true).withDemo(true), clock, work,
                        1920, 1080);
                Stage stage = new Stage();
                stage.setScene(s.scene());
                stage.show();
                s.showReady(config, runtime);
                return s;
            });
            FlowBenchmark bench = new FlowBenchmark(shell, runtime);
            System.out.printf(Locale.ROOT, "citizen flows on the demo kiosk's simulators, Monocle headless, %s %s, %d cpus, -Xmx%d MB%n",
                    System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

            int certificateTouches = bench.certificateByCard(runtime);
            System.out.printf(Locale.ROOT, "touches from card placed to certificate printed: %d%n", certificateTouches);

            for (int i = 0; i < WARM_UP; i++) {
                bench.session(i);
            }
            bench.latenciesMs.clear();
            bench.byScreen.clear();
            ProcessResources before = ProcessResources.now();
            String cacheBefore = storeCache(tmp.resolve("data"));
            ClassHistogram.write(histograms, "start");
            long t0 = System.nanoTime();
            for (int i = 0; i < sessions; i++) {
                bench.session(i);
                if (i + 1 == sessions / 2) {
                    ClassHistogram.write(histograms, "middle");
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            ProcessResources after = ProcessResources.now();
            ClassHistogram.write(histograms, "end");
            System.out.printf(Locale.ROOT, "soak: %d sessions in %.1f s (%.0f ms per session)%n", sessions, seconds,
                    seconds * 1000 / sessions);
            System.out.println(ProcessResources.compare(before, after));
            System.out.println("embedded store's page cache: start " + cacheBefore + ", end " + storeCache(tmp.resolve("data")));
            List<Double> sorted = new ArrayList<>(bench.latenciesMs);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "tap to next screen ready (%d taps): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1));
            System.out.println("by next screen (p50 / p95 ms); screens marked * load from the store or a device first:");
            for (var e : bench.byScreen.entrySet()) {
                List<Double> l = new ArrayList<>(e.getValue());
                Collections.sort(l);
                System.out.printf(Locale.ROOT, "  %-20s %s %6.1f / %6.1f  (%d taps)%n", e.getKey(),
                        LOADING.contains(e.getKey()) ? "*" : " ", percentile(l, 50), percentile(l, 95), l.size());
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
     * a few steps of one of the four services; leave.
     */
    private void session(int i) throws Exception {
        switch (i % 4) {
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
            default -> {
                identifyByCard("service-check-in");
                tap("continue", "check-in");
                tap("walk-in", "walk-in");
                tap("walkin-vehicle", "ticket");
                tap("done", "rating");
                tap("rate-satisfied", "leaving");
                tap("leave", "attract");
            }
        }
    }

    private void identifyByCard(String service) throws Exception {
        tap(service, IdentifyScreen.ID);
        DemoPanel.placeAgain(runtime.demoControls().orElseThrow());
        awaitScreen("identity-confirmed");
    }

    /** Fires the button like a touch and waits until the next screen is shown and has finished loading. */
    private void tap(String id, String nextScreen) throws Exception {
        awaitIdle();
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
        latenciesMs.add(ms);
        byScreen.computeIfAbsent(nextScreen, k -> new ArrayList<>()).add(ms);
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

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
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
