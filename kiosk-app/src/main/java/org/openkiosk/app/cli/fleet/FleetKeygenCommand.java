package org.openkiosk.app.cli.fleet;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Make an operator's Ed25519 key pair for signing fleet commands: NAME.private.pem (keep it, "
                + "mode 600) and NAME.public.pem (list it in each kiosk's fleet.operatorKeys)."})
public final class FleetKeygenCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--id", required = true, description = "the operator's key id, e.g. hall-3101-duty (letters, digits, _ . -)")
    String id;

    @Option(names = "--dir", description = "where to write the key files (default: the current directory)")
    Path dir = Path.of(".");

    @Override
    public Integer call() throws Exception {
        try {
            CertificateKeys.requireValidKeyId(id);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        try {
            CertificateKeys.generate(dir, id, "OpenKiosk fleet operator key " + id);
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        var out = spec.commandLine().getOut();
        out.println("wrote " + dir.resolve(id + CertificateKeys.PRIVATE_SUFFIX) + " (secret: signs commands)");
        out.println("wrote " + dir.resolve(id + CertificateKeys.PUBLIC_SUFFIX));
        out.println("on each kiosk: copy the public key into the configuration directory and add it to");
        out.println("  fleet.operatorKeys: [operators/" + id + CertificateKeys.PUBLIC_SUFFIX + "]");
        return ExitCodes.OK;
    }
}
