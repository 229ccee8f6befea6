package org.openkiosk.device.docscan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external tool with a hard time limit, collecting stdout and stderr in memory (never on disk: a scan
 * is citizen data). On timeout the process is killed; the reader threads end when its pipes close.
 */
final class BoundedProcess {

    record Result(int exitCode, byte[] stdout, String stderr, boolean timedOut) {}

    private BoundedProcess() {}

    static Result run(List<String> command, Map<String, String> environment, Duration timeout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        Collector out = new Collector(process.getInputStream(), "stdout of " + command.get(0));
        Collector err = new Collector(process.getErrorStream(), "stderr of " + command.get(0));
        out.start();
        err.start();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            out.join(5000);
            err.join(5000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " interrupted", e);
        }
        return new Result(finished ? process.exitValue() : -1, out.bytes(), new String(err.bytes()).strip(), !finished);
    }

    private static final class Collector extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        Collector(InputStream in, String name) {
            super(name);
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (in) {
                in.transferTo(buffer);
            } catch (IOException e) {
                // the process was killed: keep what arrived
            }
        }

        synchronized byte[] bytes() {
            return buffer.toByteArray();
        }
    }
}
