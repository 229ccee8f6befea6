package org.openkiosk.app.cli.certificate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.openkiosk.app.certificate.CertificateRenderer;
import org.openkiosk.app.certificate.CertificateTemplates;
import org.openkiosk.app.certificate.RenderedCertificate;
import org.openkiosk.app.certificate.SigningConfig;
import org.openkiosk.app.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Render a certificate for a synthetic person (测试䶮, 11010519491231002X), e.g. for a test print.")
public final class CertificateSampleCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--type", required = true, description = "certificate type, e.g. no-criminal-record, household-registration, residence")
    String type;

    @Option(names = "--out", required = true, description = "the PDF file to write")
    Path out;

    @Option(names = "--config", description = "configuration directory (default: the kiosk's config/)")
    Path config;

    @Option(names = "--demo", description = "demo mode: signing with the demo key is expected, no warning")
    boolean demo;

    @Override
    public Integer call() throws Exception {
        Path dir = ConfigDirectory.resolve(config);
        CertificateTemplates templates;
        CertificateRenderer renderer;
        try {
            templates = CertificateTemplates.load(dir);
            renderer = new CertificateRenderer(templates, SigningConfig.load(dir).signer(), demo);
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("bad certificate configuration: " + e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        if (templates.find(type).isEmpty()) {
            spec.commandLine().getErr().println("unknown certificate type \"" + type + "\" (known: "
                    + String.join(", ", templates.types()) + ")");
            return ExitCodes.BAD_CONFIGURATION;
        }
        RenderedCertificate certificate = renderer.render(SamplePeople.request(templates.get(type), LocalDate.now()));
        Files.write(out, certificate.pdf());
        if (certificate.signedWithDemoKey()) {
            spec.commandLine().getErr().println("WARNING: signed with the DEMO key " + certificate.payload().keyId()
                    + " (published, proves nothing). Generate a production key: ./kiosk certificate keygen --id OFFICE-YEAR");
        }
        spec.commandLine().getOut().println("wrote " + out + " (" + certificate.pdf().length + " bytes), certificate "
                + certificate.payload().number());
        return ExitCodes.OK;
    }
}
