package org.openkiosk.app.cli.store;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.service.audit.AuditVerification;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kiosk audit verify}: check the audit trail's hash chain. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Check the tamper-evident audit trail.",
        subcommands = {AuditCommand.Verify.class})
public final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Walk the hash chain; exit 0 when intact, 1 naming the first broken record.")
    static final class Verify implements Callable<Integer> {

        @Mixin
        StoreOptions options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Store store = options.open()) {
                AuditVerification result = new AuditLog(store, Clock.systemUTC(), "cli").verify();
                if (result.intact()) {
                    spec.commandLine().getOut().println("audit trail intact: " + result.recordsChecked()
                            + " records verified");
                    return ExitCodes.OK;
                }
                AuditVerification.BrokenLink broken = result.firstBroken().orElseThrow();
                spec.commandLine().getErr().println("audit trail BROKEN at record " + broken.seq() + ": "
                        + broken.reason());
                return ExitCodes.FAILURE;
            } catch (StoreException e) {
                return StoreCommand.fail(spec, e);
            }
        }
    }
}
