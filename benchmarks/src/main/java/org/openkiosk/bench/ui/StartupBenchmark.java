package org.openkiosk.bench.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openkiosk.app.ui.KioskLauncher;

/**
 * Cold start to the first frame: launches fresh JVMs, alternately the kiosk ({@code demo --windowed}, up to
 * the attract screen's first layout pulse) and a bare JavaFX window (the baseline), both under headless
 * Monocle, and prints median / p90 of each and the ratio of the medians.
 *
 * <p>Time is measured from just before the child process is started to the {@link System#nanoTime()} the
 * child prints at its first frame; on Linux both read the same monotonic clock (CLOCK_MONOTONIC).
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.openkiosk.bench.ui.StartupBenchmark --runs 10
 * </pre>
 */
public final class StartupBenchmark {

    private static final List<String> HEADLESS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dprism.text=t2k", "-Dheadless.geometry=1920x1080-32", "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8");

    private StartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = 10;
        for (int i = 0; i < args.length; i++) {
            if ("--runs".equals(args[i]) && i + 1 < args.length) {
                runs = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: StartupBenchmark [--runs N]");
                System.exit(2);
            }
        }
        Path home = Paths.get(System.getProperty("kiosk.home", ".")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(home.resolve("config/kiosk.yaml"))) {
            System.err.println("run from the repository root (or pass -Dkiosk.home=DIR): no config/kiosk.yaml in " + home);
            System.exit(2);
        }
        Path data = Files.createTempDirectory("kiosk-bench-data");
        List<String> kiosk = command(List.of("-Dkiosk.home=" + home, "-Dkiosk.data=" + data),
                "org.openkiosk.app.Main", "--data", data.toString(), "demo", "--windowed", "--benchmark-first-frame");
        List<String> bare = command(List.of(), BareWindowProbe.class.getName());

        // one of each first, not counted: fills the OS page cache as a real kiosk's boot would
        measure(kiosk);
        measure(bare);
        List<Double> kioskMs = new ArrayList<>();
        List<Double> bareMs = new ArrayList<>();
        for (int i = 0; i < runs; i++) { // alternate, so drifting machine load hits both alike
            bareMs.add(measure(bare));
            kioskMs.add(measure(kiosk));
        }
        System.out.printf(Locale.ROOT, "cold start to first frame, %d fresh JVMs each, Monocle headless, %s %s, %d cpus%n",
                runs, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        report("bare JavaFX window", bareMs);
        report("kiosk attract screen", kioskMs);
        System.out.printf(Locale.ROOT, "ratio kiosk/bare (medians): %.2f%n", median(kioskMs) / median(bareMs));
    }

    private static List<String> command(List<String> properties, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(HEADLESS);
        cmd.addAll(properties);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Milliseconds from process start to the child's first-frame marker. */
    private static double measure(List<String> cmd) throws IOException, InterruptedException {
        return measure(cmd, java.util.Map.of());
    }

    /** The same with extra environment variables for the child. */
    /**
     * The last kiosk child's time to serving in ms ({@link KioskLauncher#SERVING_MARKER}: the frame after the store and
     * devices opened, ADR 0128), or NaN when the child printed none (the bare window).
     */
    static double lastServingMs = Double.NaN;

    static double measure(List<String> cmd, java.util.Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        Long marker = null;
        Long serving = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(KioskLauncher.FIRST_FRAME_MARKER)) {
                    marker = Long.parseLong(line.substring(KioskLauncher.FIRST_FRAME_MARKER.length()).trim());
                } else if (line.startsWith(KioskLauncher.SERVING_MARKER)) {
                    serving = Long.parseLong(line.substring(KioskLauncher.SERVING_MARKER.length()).trim());
                } else if (output.length() < 4000) {
                    output.append(line).append('\n');
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("child did not end within 60 s: " + cmd);
        }
        if (marker == null) {
            throw new IllegalStateException("no first-frame marker (exit " + p.exitValue() + "):\n" + output);
        }
        lastServingMs = serving == null ? Double.NaN : (serving - start) / 1e6;
        return (marker - start) / 1e6;
    }

    static void report(String name, List<Double> ms) {
        System.out.printf(Locale.ROOT, "%-22s median %7.1f ms   p90 %7.1f ms   min %7.1f ms%n", name, median(ms),
                percentile(ms, 0.9), ms.stream().min(Comparator.naturalOrder()).orElseThrow());
    }

    static double median(List<Double> ms) {
        return percentile(ms, 0.5);
    }

    /** Nearest-rank percentile. */
    private static double percentile(List<Double> ms, double q) {
        List<Double> sorted = ms.stream().sorted().toList();
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
