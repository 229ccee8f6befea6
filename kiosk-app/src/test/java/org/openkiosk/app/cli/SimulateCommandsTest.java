package org.openkiosk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.cli.escpos.CommandRun;
import picocli.CommandLine;

/** {@code kiosk simulate receipt|scanner} run in the background; the technician commands talk to them. */
class SimulateCommandsTest {

    @TempDir
    Path dir;

    /** Starts {@code kiosk ARGS…} on another thread; returns its exit code future and waits for its first line. */
    private static String startInBackground(StringWriter out, CompletableFuture<Integer> exit, String... args) throws Exception {
        CommandLine cl = KioskCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        Thread t = new Thread(() -> exit.complete(cl.execute(args)), "kiosk-simulate");
        t.setDaemon(true);
        t.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!out.toString().contains("\n")) {
            if (System.nanoTime() > deadline || exit.isDone()) {
                throw new AssertionError("simulator printed no address: " + out + " exit " + exit.getNow(null));
            }
            Thread.sleep(20);
        }
        return out.toString().lines().findFirst().orElseThrow();
    }

    @Test
    void receiptSimulatorOnTcpCapturesTheTestPageAsBinTextAndPng() throws Exception {
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        String address = startInBackground(out, exit, "simulate", "receipt", "--tcp", "0", "--out", dir.toString(), "--duration", "3");
        assertThat(address).matches("tcp://127\\.0\\.0\\.1:\\d+");

        CommandRun print = CommandRun.of("receipt", "print", "--to", address, "--test-page");
        assertThat(print.exitCode()).as(print.err()).isZero();
        Path txt = dir.resolve("receipt-001.txt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Files.exists(dir.resolve("receipt-001.png")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readString(txt)).contains("打印测试", "[QR] https://example.gov.cn/kiosk/test?q=测试");
        assertThat(dir.resolve("receipt-001.bin")).exists();
        assertThat(dir.resolve("receipt-001.png")).exists();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void receiptSimulatorOnAPtyReportsEmptyPaper() throws Exception {
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        String address = startInBackground(out, exit, "simulate", "receipt", "pty", "--paper", "empty", "--out", dir.toString(), "--duration", "2");
        Matcher m = Pattern.compile("serial:(/dev/pts/\\d+)").matcher(address);
        assertThat(m.matches()).as(address).isTrue();

        CommandRun status = CommandRun.of("receipt", "status", "--to", address, "--json");
        assertThat(status.exitCode()).isEqualTo(4);
        assertThat(status.out()).contains("\"paper\":\"EMPTY\"");
        exit.get(10, TimeUnit.SECONDS);
    }

    @Test
    void scannerSimulatorOnAPtyFeedsScannerListen() throws Exception {
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        String path = startInBackground(out, exit, "simulate", "scanner", "--codes", "Q-1,Q-2", "--interval", "50",
                "--delay", "1500", "--duration", "4");
        assertThat(path).startsWith("/dev/pts/");

        CommandRun listen = CommandRun.of("scanner", "listen", "--port", path, "--count", "2", "--timeout", "5");
        assertThat(listen.exitCode()).as(listen.err()).isZero();
        assertThat(listen.out().lines().toList()).containsExactly("Q-1", "Q-2");
        exit.get(10, TimeUnit.SECONDS);
    }

    @Test
    void badPaperStateIsExit2() {
        CommandRun run = CommandRun.of("simulate", "receipt", "--paper", "wet");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("wet").contains("near-end");
    }
}
