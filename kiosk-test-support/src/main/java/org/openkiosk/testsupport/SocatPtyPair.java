package org.openkiosk.testsupport;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Two linked kernel pseudo-terminals made by socat (raw, no echo); tests skip where socat is absent. */
public final class SocatPtyPair implements AutoCloseable {

    private final Process process;
    private final Path a;
    private final Path b;

    private SocatPtyPair(Process process, Path a, Path b) {
        this.process = process;
        this.a = a;
        this.b = b;
    }

    public static SocatPtyPair start(Path directory) throws IOException, InterruptedException {
        RequiredTool.require(Files.isExecutable(Path.of("/usr/bin/socat")),
                "socat is not installed (apt-get install socat): the pty tests need it");
        Path a = directory.resolve("ttyA");
        Path b = directory.resolve("ttyB");
        Process p = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(a) && Files.exists(b))) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                p.destroy();
                throw new IOException("socat did not create the pty links within 5 s");
            }
            Thread.sleep(20);
        }
        return new SocatPtyPair(p, a, b);
    }

    public Path a() {
        return a;
    }

    public Path b() {
        return b;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
