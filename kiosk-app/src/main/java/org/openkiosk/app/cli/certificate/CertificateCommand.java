package org.openkiosk.app.cli.certificate;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "certificate", mixinStandardHelpOptions = true,
        description = "Render, verify and key certificates (see docs/certificates-a4.md).",
        subcommands = {CertificateSampleCommand.class, CertificateVerifyCommand.class, CertificateKeygenCommand.class})
public final class CertificateCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
