package org.openkiosk.app.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.service.certificate.CertificateException;
import org.openkiosk.app.service.certificate.IssueResult;
import org.openkiosk.app.service.identity.CardIdentity;
import org.openkiosk.app.service.identity.CardType;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.testsupport.EmbeddedPostgresServer;
import org.openkiosk.testsupport.Poll;
import org.openkiosk.testsupport.TcpProxy;

/**
 * A hall kiosk in a JVM of its own — the real runtime ({@link DefaultKioskRuntime}: its journal file under the
 * data directory, the hall's PostgreSQL, the {@code ipp} driver on a real printer, the certificate renderer and
 * signer) — so that {@link KioskKilledMidPrintTest} can kill it with SIGKILL in the middle of a certificate print and
 * start another kiosk process on the same files. The runtime is started as {@code ./kiosk run} starts it; where the
 * print is when the kill comes is seen from outside the kiosk, at the printer (ADR 0200, addendum). The citizen is
 * the demo's test person, the certificate a residence certificate (one print allowed).
 *
 * <p>Args: configuration directory, data directory, the hall's JDBC URL, the printer's IPP URI, then what to do:
 * <ul>
 * <li>{@code print}: start, let the start-up reconciliation run, print {@code READY}; then, told {@code print} on
 * standard input, print the certificate, say what the citizen was told ({@code STOPPED-AT told <details>}) and block
 * until killed. Told {@code cut-hall}, the hall goes away (this process reaches the hall through a proxy of its own
 * and cuts it) and it answers {@code HALL-CUT};</li>
 * <li>{@code restart}: start, let the start-up reconciliation run, then report it, try the same certificate again,
 * reconcile once more, verify both audit chains, wait for the journal forwarded, stop cleanly and exit 0.</li>
 * </ul>
 * Results are lines {@code RESULT <name> <value>}. Anything unexpected ends the process with exit 1 and its stack
 * trace.
 */
public final class PrintingKioskProcess {

    static final String READY = "READY";
    static final String TOLD = "STOPPED-AT told ";
    static final String HALL_CUT = "HALL-CUT";
    static final String RESULT = "RESULT ";

    private PrintingKioskProcess() {}

    public static void main(String[] args) {
        try {
            run(Path.of(args[0]), Path.of(args[1]), args[2], args[3], args[4]);
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.out.flush();
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(Path configDir, Path data, String hallUrl, String ippUri, String what) throws Exception {
        TcpProxy hallLink = TcpProxy.to("127.0.0.1", URI.create(hallUrl.substring("jdbc:".length())).getPort());
        KioskConfig config = RuntimeFixtures.printingTo(RuntimeFixtures.onStore(ConfigLoader.load(configDir),
                PostgresServer.storeConfig(EmbeddedPostgresServer.throughPort(hallUrl, hallLink.port()))), ippUri,
                // a job sent to a frozen printer waits there until the test kills the kiosk, however loaded the machine
                java.util.Map.of("requestTimeoutSeconds", "120"));
        DefaultKioskRuntime runtime = DefaultKioskRuntime.start(config, configDir, data, false, Clock.systemUTC());
        awaitStartUpReconciliation(runtime);
        if (what.equals("restart")) {
            restart(runtime);
            return;
        }
        CountDownLatch print = new CountDownLatch(1);
        Thread commands = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.equals("print")) {
                        print.countDown();
                    } else if (line.equals("cut-hall")) {
                        hallLink.cut(); // the paper is on its way; the hall store is gone
                        say(HALL_CUT);
                    }
                }
            } catch (IOException e) {
                e.printStackTrace(System.out);
            }
        }, "test-commands");
        commands.setDaemon(true);
        commands.start();
        say(READY);
        print.await();
        IssueResult told = runtime.services().certificates().issue(testPerson(runtime), "residence");
        say(TOLD + "printed=" + told.outcome().printed() + " remaining=" + told.remaining());
        while (true) { // nothing of the kiosk runs on this thread any more: wait to be killed
            LockSupport.park();
        }
    }
    /** The start-up reconciliation is queued on the runtime's device loop at start: a task queued now runs after it. */
    private static void awaitStartUpReconciliation(DefaultKioskRuntime runtime) throws Exception {
        FutureTask<Void> after = new FutureTask<>(() -> null);
        runtime.deviceLoop().orElseThrow().execute(after);
        after.get(60, TimeUnit.SECONDS);
    }

    private static void restart(DefaultKioskRuntime runtime) throws Exception {
        result("start-up-reconciliation", runtime.printReconciliation().orElseThrow());
        try {
            IssueResult again = runtime.services().certificates().issue(testPerson(runtime), "residence");
            result("again", "issued, printed=" + again.outcome().printed());
        } catch (CertificateException e) {
            result("again", e.reason());
        }
        result("second-reconciliation", runtime.services().certificates().reconcile());
        result("hall-audit", verdict(runtime.services().audit().verify()));
        result("journal-audit", verdict(runtime.services().journalAudit().orElseThrow().verify()));
        Poll.until(Duration.ofSeconds(30), "the journal forwarded",
                () -> runtime.hallForwarding().orElseThrow().waiting() == 0);
        runtime.close();
        result("stopped", "cleanly");
        System.exit(0);
    }

    private static String verdict(org.openkiosk.app.service.audit.AuditVerification verification) {
        return (verification.intact() ? "intact " : "BROKEN ") + verification;
    }

    private static Identity testPerson(DefaultKioskRuntime runtime) throws Exception {
        return runtime.services().identification().fromCard(new CardIdentity(CardType.RESIDENT_ID, "测试",
                DemoData.TEST_PERSON));
    }

    private static void result(String name, Object value) {
        System.out.println(RESULT + name + " " + value);
        System.out.flush();
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
