package org.openkiosk.bench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The installed package's start-up and footprint (issue 12, ADR 0127): cold start to the attract screen of
 * {@code opt/openkiosk/bin/kiosk demo --windowed} (the launcher's JVM options and AppCDS archive) against a bare
 * JavaFX window ({@link BareWindowProbe}) started by the package's own runtime with the same JVM options, alternately
 * in fresh JVMs on the real display (run it under {@code xvfb-run}); then the kiosk's resident memory (VmRSS) after
 * it has idled on the attract screen.
 *
 * <pre>
 * mvn -B -q -pl benchmarks,kiosk-package -am package -DskipTests
 * dpkg-deb -x kiosk-package/target/openkiosk_*.deb /tmp/ok &amp;&amp; /tmp/ok/opt/openkiosk/bin/kiosk-cds /tmp/ok/kiosk.jsa
 * KIOSK_CDS_ARCHIVE=/tmp/ok/kiosk.jsa xvfb-run -a -s '-screen 0 1920x1080x24' \
 *     java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.openkiosk.bench.ui.PackageStartupBenchmark \
 *     --root /tmp/ok --runs 10 --idle-seconds 30
 * </pre>
 * {@code --java-opts "…"} replaces the launcher's JVM options (KIOSK_JAVA_OPTS) for both, to compare levers.
 */
public final class PackageStartupBenchmark {

    private PackageStartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = null;
        int runs = 10;
        int idleSeconds = 30;
        String javaOpts = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--root" -> root = Paths.get(args[i + 1]).toAbsolutePath();
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--idle-seconds" -> idleSeconds = Integer.parseInt(args[i + 1]);
                case "--java-opts" -> javaOpts = args[i + 1];
                default -> usage();
            }
        }
        if (root == null || args.length % 2 != 0) {
            usage();
        }
        Path app = root.resolve("opt/openkiosk");
        String opts = javaOpts != null ? javaOpts : launcherDefaultJavaOpts(app.resolve("bin/kiosk"));
        Path data = Files.createTempDirectory("kiosk-bench-data");
        Map<String, String> env = new java.util.HashMap<>(Map.of("KIOSK_DATA", data.toString()));
        if (javaOpts != null) {
            env.put("KIOSK_JAVA_OPTS", javaOpts);
        }
        // the launcher's own environment defaults (MALLOC_ARENA_MAX, ADR 0179) for the bare window too, unless set here
        launcherDefaultEnvironment(app.resolve("bin/kiosk")).forEach((k, v) -> {
            if (System.getenv(k) == null) {
                env.put(k, v);
            }
        });
        List<String> kiosk = List.of(app.resolve("bin/kiosk").toString(), "demo", "--windowed", "--benchmark-first-frame");
        List<String> bare = new ArrayList<>();
        bare.add(app.resolve("runtime/bin/java").toString());
        bare.addAll(List.of(opts.trim().split("\\s+")));
        bare.addAll(List.of("-cp", BareWindowProbe.class.getProtectionDomain().getCodeSource().getLocation().getPath(),
                BareWindowProbe.class.getName()));

        StartupBenchmark.measure(kiosk, env); // one of each first, not counted: the page cache as after a kiosk's first boot
        StartupBenchmark.measure(bare, env);
        List<Double> kioskMs = new ArrayList<>();
        List<Double> bareMs = new ArrayList<>();
        List<Double> servingMs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            bareMs.add(StartupBenchmark.measure(bare, env));
            kioskMs.add(StartupBenchmark.measure(kiosk, env));
            if (!Double.isNaN(StartupBenchmark.lastServingMs)) {
                servingMs.add(StartupBenchmark.lastServingMs);
            }
        }
        System.out.printf(Locale.ROOT, "installed package %s, JVM options \"%s\", environment %s, AppCDS %s, %d runs each, "
                + "%d cpus, load average %s%n", app, opts, env, System.getenv().getOrDefault("KIOSK_CDS_ARCHIVE", "(launcher default)"),
                runs, Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip());
        StartupBenchmark.report("bare JavaFX window", bareMs);
        StartupBenchmark.report("kiosk attract screen", kioskMs);
        if (!servingMs.isEmpty()) { // the store and devices opened after the first frame (ADR 0128)
            StartupBenchmark.report("kiosk serving", servingMs);
        }
        System.out.printf(Locale.ROOT, "ratio kiosk/bare (medians): %.2f%n", StartupBenchmark.median(kioskMs) / StartupBenchmark.median(bareMs));
        System.out.printf(Locale.ROOT, "kiosk VmRSS after %d s idle on the attract screen: %d MB%n", idleSeconds,
                idleRss(app, env, idleSeconds) / 1024);
    }

    private static void usage() {
        System.err.println("usage: PackageStartupBenchmark --root DIR [--runs N] [--idle-seconds S] [--java-opts \"…\"]");
        System.exit(2);
    }

    /** The launcher's own default KIOSK_JAVA_OPTS line, so the bare window starts with the same options. */
    static String launcherDefaultJavaOpts(Path launcher) throws IOException {
        for (String line : Files.readAllLines(launcher)) {
            String t = line.strip();
            if (t.startsWith(": \"${KIOSK_JAVA_OPTS:=")) {
                return t.substring(": \"${KIOSK_JAVA_OPTS:=".length(), t.lastIndexOf("}\""));
            }
        }
        throw new IllegalStateException("no KIOSK_JAVA_OPTS default in " + launcher);
    }

    /** The environment variables the launcher exports with a default ({@code : "${NAME:=value}"} then {@code export NAME}). */
    static Map<String, String> launcherDefaultEnvironment(Path launcher) throws IOException {
        List<String> lines = Files.readAllLines(launcher);
        Map<String, String> env = new java.util.TreeMap<>();
        for (String line : lines) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^: \"\\$\\{([A-Z_]+):=([^}]*)}\"$").matcher(line.strip());
            if (m.matches() && !m.group(1).startsWith("KIOSK_") && lines.stream().anyMatch(l -> l.strip().equals("export " + m.group(1)))) {
                env.put(m.group(1), m.group(2));
            }
        }
        return env;
    }

    /** VmRSS in kB of the kiosk (the launcher execs java: same process) after it idled on the attract screen. */
    private static long idleRss(Path app, Map<String, String> env, int idleSeconds) throws Exception {
        Path log = Files.createTempFile("kiosk-bench-idle", ".log");
        ProcessBuilder pb = new ProcessBuilder(app.resolve("bin/kiosk").toString(), "demo", "--windowed")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(log).contains("screen attract")) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("no attract screen:\n" + Files.readString(log));
                }
                Thread.sleep(100);
            }
            Thread.sleep(idleSeconds * 1000L); // a benchmark, not a test: the idle period is what is measured
            for (String status : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
                if (status.startsWith("VmRSS:")) {
                    return Long.parseLong(status.replaceAll("\\D+", ""));
                }
            }
            throw new IllegalStateException("no VmRSS for " + p.pid());
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
