package org.openkiosk.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.maintenance.versions.ConfigBundle;
import org.openkiosk.app.fleet.command.CommandSigner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiosk config bundle DIR OUT.zip}: the operator's side of {@code config apply} (ADR 0126). */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = {"Make a signed configuration bundle of a whole configuration directory, for "
                + "`kiosk config apply`. Signed with an operator key from `kiosk fleet keygen`; kiosks trust it when "
                + "its public key is in their fleet.operatorKeys."})
public final class ConfigBundleCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the configuration directory to bundle")
    Path dir;

    @Parameters(index = "1", paramLabel = "OUT.zip", description = "the bundle to write")
    Path out;

    @Option(names = "--key", required = true, paramLabel = "ID.private.pem", description = "the operator's private key")
    Path key;

    @Option(names = "--version", required = true, paramLabel = "LABEL",
            description = "the version label the fleet state reports, e.g. 2026-12-02.1")
    String version;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            String keyId = CertificateKeys.keyIdOf(key);
            ConfigBundle.write(dir, version, new CommandSigner(CertificateKeys.readPrivate(key), keyId)::signature, keyId, out);
            spec.commandLine().getOut().println("wrote " + out + ": configuration " + version + " signed by " + keyId);
            return ExitCodes.OK;
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("kiosk: " + e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
    }
}
