package org.openkiosk.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openkiosk.testsupport.RequiredTool;

/** The .deb this module built, unpacked once with {@code dpkg-deb -x}, and a way to run programs from it. */
final class UnpackedPackage {

    static final Path TARGET = Paths.get(System.getProperty("kiosk.package.dir", "target"));
    private static Path deb;
    private static Path root;

    private UnpackedPackage() {}

    static synchronized Path deb() throws IOException {
        if (deb == null) {
            try (Stream<Path> files = Files.list(TARGET)) {
                deb = files.filter(p -> p.getFileName().toString().matches("openkiosk_.*\\.deb")).findFirst()
                        .orElseThrow(() -> new AssertionError("no openkiosk_*.deb in " + TARGET + " (built at package)"));
            }
        }
        return deb;
    }

    /** The temporary root the package is unpacked into (readable by everyone: the session test runs as nobody). */
    static synchronized Path root() throws Exception {
        if (root == null) {
            RequiredTool.command("dpkg-deb", "dpkg");
            Path dir = Files.createTempDirectory(TARGET.toAbsolutePath(), "installed-root");
            Run r = run(Map.of(), "dpkg-deb", "-x", deb().toString(), dir.toString());
            assertThat(r.exit()).as(r.output()).isZero();
            assertThat(dir.toFile().setReadable(true, false) && dir.toFile().setExecutable(true, false)).isTrue();
            root = dir;
        }
        return root;
    }

    record Run(int exit, String output) {
    }

    /** Runs a command to its end (at most 300 s) without the caller's JDK, display or JVM options. */
    static Run run(Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = withoutCallersEnvironment(new ProcessBuilder(cmd), env);
        Path out = Files.createTempFile(TARGET, "run", ".txt");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(String.join(" ", cmd) + " did not end within 300 s:\n" + Files.readString(out));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    static ProcessBuilder withoutCallersEnvironment(ProcessBuilder pb, Map<String, String> env) {
        pb.redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().remove("KIOSK_JAVA_OPTS");
        pb.environment().putAll(env);
        return pb;
    }
}
