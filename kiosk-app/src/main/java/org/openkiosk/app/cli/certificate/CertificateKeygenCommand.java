package org.openkiosk.app.cli.certificate;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Generate an Ed25519 signing key pair: ID.private.pem (keep secret, mode 600) and ID.public.pem.")
public final class CertificateKeygenCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--id", required = true, description = "key id, e.g. beijing-xicheng-2026 (letters, digits, _ . -)")
    String id;

    @Option(names = "--dir", description = "where to write the key files (default: the kiosk's config/keys)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (CertificateKeys.isDemoKeyId(id)) {
            spec.commandLine().getErr().println("key ids starting with \"" + CertificateKeys.DEMO_PREFIX
                    + "\" are reserved for demo keys; choose another id");
            return ExitCodes.BAD_CONFIGURATION;
        }
        try {
            CertificateKeys.requireValidKeyId(id);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        Path target = dir != null ? dir : ConfigDirectory.resolve(null).resolve("keys");
        CertificateKeys.generate(target, id, "OpenKiosk certificate signing key " + id);
        spec.commandLine().getOut().println("wrote " + target.resolve(id + CertificateKeys.PRIVATE_SUFFIX) + " (secret)");
        spec.commandLine().getOut().println("wrote " + target.resolve(id + CertificateKeys.PUBLIC_SUFFIX)
                + " (give it to everyone who verifies)");
        spec.commandLine().getOut().println("to sign with it, set in certificate-signing.yaml:  signingKey: keys/" + id
                + CertificateKeys.PRIVATE_SUFFIX);
        return ExitCodes.OK;
    }
}
