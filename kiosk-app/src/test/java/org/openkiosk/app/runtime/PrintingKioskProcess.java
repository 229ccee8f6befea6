package org.openkiosk.app.runtime;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
import org.openkiosk.app.service.port.A4PrintPort;
import org.openkiosk.app.service.port.PrintLookup;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.testsupport.EmbeddedPostgresServer;
import org.openkiosk.testsupport.Poll;
import org.openkiosk.testsupport.TcpProxy;

/**
 * A hall kiosk in a JVM of its own — the real runtime ({@link DefaultKioskRuntime}: its journal file under the
 * data directory, the hall's PostgreSQL, the {@code ipp} driver on a real printer, the certificate renderer and
 * signer) — so that {@link KioskKilledMidPrintTest} can kill it with SIGKILL at a chosen point of a certificate print and start
 * another kiosk process on the same files. The citizen is the demo's test person, the certificate a residence
 * certificate (one print allowed).
 *
 * <p>Args: configuration directory, data directory, the hall's JDBC URL, the printer's IPP URI, then what to do:
 * <ul>
 * <li>{@code before-send}: print; the A4 port stops before the job goes to the printer;</li>
 * <li>{@code after-print}: print; the A4 port stops once the printer reported the job completed, before the kiosk
 * records the answer;</li>
 * <li>{@code after-told}: print; the hall goes away right after the job (this process reaches the hall through a proxy
 * of its own and cuts it), the kiosk notes the answer on its disk, tells the citizen, and stops there;</li>
 * <li>{@code restart}: start, let the start-up reconciliation run, then report it, try the same certificate again,
 * reconcile once more, verify both audit chains, wait for the journal forwarded, stop cleanly and exit 0.</li>
 * </ul>
 * A stop prints {@code STOPPED-AT <point> <details>} and blocks until the process is killed; results are lines
 * {@code RESULT <name> <value>}. Anything unexpected ends the process with exit 1 and its stack trace.
 */
public final class PrintingKioskProcess {

    static final String STOPPED_AT = "STOPPED-AT ";
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
                PostgresServer.storeConfig(EmbeddedPostgresServer.throughPort(hallUrl, hallLink.port()))), ippUri);
        DefaultKioskRuntime runtime = DefaultKioskRuntime.start(config, configDir, data, false, Clock.systemUTC(),
                RuntimeCompanion.NONE, port -> new StoppingPort(port, what, hallLink));
        awaitStartUpReconciliation(runtime);
        if (what.equals("restart")) {
            restart(runtime);
            return;
        }
        IssueResult told = runtime.services().certificates().issue(testPerson(runtime), "residence");
        stopHere(what, "printed=" + told.outcome().printed() + " remaining=" + told.remaining()); // after-told
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

    /** Says where it stopped and waits to be killed: nothing of the kiosk runs on this thread any more. */
    private static void stopHere(String point, String details) {
        System.out.println(STOPPED_AT + point + " " + details);
        System.out.flush();
        while (true) {
            LockSupport.park();
        }
    }

    /** The runtime's own A4 port, with the crash points around the job. */
    private static final class StoppingPort implements A4PrintPort {
        private final A4PrintPort real;
        private final String stopAt;
        private final TcpProxy hallLink;

        StoppingPort(A4PrintPort real, String stopAt, TcpProxy hallLink) {
            this.real = real;
            this.stopAt = stopAt;
            this.hallLink = hallLink;
        }

        @Override
        public PrintOutcome print(String jobTitle, byte[] pdf) {
            if (stopAt.equals("before-send")) {
                stopHere(stopAt, "");
            }
            PrintOutcome outcome = real.print(jobTitle, pdf);
            if (stopAt.equals("after-print")) {
                stopHere(stopAt, "printed=" + outcome.printed() + " " + outcome);
            }
            if (stopAt.equals("after-told")) {
                hallLink.cut(); // the paper is in the tray; the hall store is gone
            }
            return outcome;
        }

        @Override
        public PrintLookup lookUp(String jobTitle) {
            return real.lookUp(jobTitle);
        }
    }
}
