package org.openkiosk.app.cli.fleet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.console.ConsoleAudit;
import org.openkiosk.app.service.audit.AuditVerification;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiosk fleet console-audit}: checks the console's hash-chained audit log (ADR 0153). */
@Command(name = "console-audit", mixinStandardHelpOptions = true,
        description = {"Verify the operator console's audit log: every line must follow the one before it, match "
                + "its HMAC link under the console's audit key, and the chain must reach the signed head beside it "
                + "(AUDIT.head), so an edited, inserted, removed or cut-off line is named."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:intact", "1:broken (the first broken line is named)", "2:the log or key cannot be read",
                "3:the linked lines are intact, but the log begins with legacy lines written before the console linked"
                        + " them: those cannot be verified"})
public final class FleetConsoleAuditCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Exit code: the linked lines intact after legacy lines that cannot be verified. */
    static final int LEGACY_UNLINKED = 3;

    @Option(names = "--audit", defaultValue = "console-audit.jsonl", paramLabel = "FILE",
            description = "the console's audit log (default: ${DEFAULT-VALUE})")
    Path audit;

    @Option(names = "--audit-key", paramLabel = "FILE", description = "its key (default: the audit file + .key)")
    Path auditKey;

    @Override
    public Integer call() {
        Path key = auditKey != null ? auditKey : ConsoleAudit.defaultKeyFile(audit);
        ConsoleAudit.Verification verification;
        try {
            verification = ConsoleAudit.verify(audit, key);
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("console-audit: " + e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        AuditVerification result = verification.chain();
        long legacy = verification.legacyLines();
        // a range of line numbers, as an editor shows them (blank lines among them too), and how many lines it holds
        String legacyNote = "line(s) 1–" + verification.lastLegacyLine() + " (" + legacy + ") are legacy, unlinked:"
                + " written before the console linked its lines (no seq/prev/link), nothing proves they are unchanged";
        if (result.intact()) {
            if (legacy > 0) {
                spec.commandLine().getOut().println("console audit log: " + legacyNote + "; the " + result.recordsChecked()
                        + " linked line(s) after them verified");
                return LEGACY_UNLINKED;
            }
            spec.commandLine().getOut().println("console audit log intact: " + result.recordsChecked()
                    + " line(s) verified");
            return ExitCodes.OK;
        }
        AuditVerification.BrokenLink broken = result.firstBroken().orElseThrow();
        spec.commandLine().getErr().println("console audit log BROKEN at line " + broken.seq() + " ("
                + broken.kind() + "): " + broken.reason());
        if (legacy > 0) {
            spec.commandLine().getErr().println("  and " + legacyNote);
        }
        return ExitCodes.FAILURE;
    }
}
