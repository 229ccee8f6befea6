package org.openkiosk.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A class's {@code main} in a JVM of its own, on this JVM's class path: for tests that kill a process with SIGKILL
 * ({@code Process.destroyForcibly()}) or need a second one. The caller redirects its output and starts it.
 *
 * <p>The child's test log goes to a directory of its own under this JVM's {@code kiosk.test.output} (surefire sets it;
 * {@code logback-test.xml} writes {@code test-log.txt} there, truncating it at start): a child writing over the suite's
 * log would cut what the personal-data scan after the suite reads (ADR 0135), and its own lines are scanned there too.
 */
public final class ChildJvm {

    private static final AtomicInteger CHILDREN = new AtomicInteger();

    private ChildJvm() {}

    /** {@code java -cp <this class path> main args}, C1 only like the kiosk's own JVM (ADR 0129): a faster start. */
    public static ProcessBuilder of(Class<?> main, String... args) {
        Path testOutput = Path.of(System.getProperty("kiosk.test.output", "target/test-output")).toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1",
                "-Dkiosk.test.output=" + testOutput.resolve("child-jvms").resolve(main.getSimpleName() + "-"
                        + ProcessHandle.current().pid() + "-" + CHILDREN.incrementAndGet()),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
