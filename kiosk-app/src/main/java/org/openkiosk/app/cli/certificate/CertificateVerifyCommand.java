package org.openkiosk.app.cli.certificate;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.certificate.CertificatePayload;
import org.openkiosk.app.certificate.CertificateVerifier;
import org.openkiosk.app.certificate.RevokedKeys;
import org.openkiosk.app.certificate.SigningConfig;
import org.openkiosk.app.certificate.Verdict;
import org.openkiosk.app.certificate.VerificationResult;
import org.openkiosk.app.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a certificate PDF (QR code, signature, text), a photo or scan of a printed one "
                + "(PNG/JPEG: its QR code and signature), or a scanned payload.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:VALID", "10:BAD_SIGNATURE", "11:UNKNOWN_KEY", "12:CONTENT_ALTERED", "13:NO_CODE_FOUND",
                "14:MALFORMED_PAYLOAD", "15:UNREADABLE_DOCUMENT", "16:REVOKED_KEY", "17:DEMO_KEY (without --demo)",
                "2:bad usage or configuration"})
public final class CertificateVerifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class Input {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
                description = "the certificate PDF, or a PNG/JPEG photo or scan of a printed certificate")
        Path pdf;

        @Option(names = "--qr", paramLabel = "TEXT", description = "a payload read from a QR code elsewhere")
        String qr;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--config", description = "configuration directory (default: the kiosk's config/)")
    Path config;

    @Option(names = "--keys", description = "directory of trusted *.public.pem keys (default: from certificate-signing.yaml)")
    Path keys;

    @Option(names = "--revoked", paramLabel = "FILE",
            description = "revocation list, one key id per line (default: revokedKeys of certificate-signing.yaml)")
    Path revokedFile;

    @Option(names = "--demo", description = "accept certificates signed with the published demo key (demonstrations only)")
    boolean demo;

    private boolean photo;

    static boolean isPdf(byte[] file) {
        return file.length >= 5 && file[0] == '%' && file[1] == 'P' && file[2] == 'D' && file[3] == 'F' && file[4] == '-';
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CertificateVerifier verifier;
        try {
            verifier = SigningConfig.verifier(ConfigDirectory.resolve(config),
                    Optional.ofNullable(keys), Optional.ofNullable(revokedFile), demo);
        } catch (java.io.IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("bad key configuration: " + e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        RevokedKeys revoked = verifier.revokedKeys();
        VerificationResult result;
        if (input.qr != null) {
            result = verifier.verifyPayload(input.qr);
        } else {
            byte[] file;
            try {
                file = Files.readAllBytes(input.pdf);
            } catch (NoSuchFileException e) {
                spec.commandLine().getErr().println("no such file: " + input.pdf);
                return ExitCodes.BAD_CONFIGURATION;
            }
            if (isPdf(file)) {
                result = verifier.verifyPdf(file);
            } else {
                java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(file));
                if (image == null) {
                    out.println(Verdict.UNREADABLE_DOCUMENT + ": " + Verdict.UNREADABLE_DOCUMENT.description());
                    out.println("  " + input.pdf + " is neither a PDF nor a PNG/JPEG image");
                    return Verdict.UNREADABLE_DOCUMENT.exitCode();
                }
                photo = true;
                result = verifier.verifyImage(image);
            }
        }
        out.println(result.verdict() + ": " + result.verdict().description());
        out.println("  " + result.detail());
        result.payload().ifPresent(p -> print(out, p, revoked));
        if (result.isValid() && result.signedWithDemoKey()) {
            out.println("  WARNING: signed with the published DEMO key: valid for demonstrations only, proves nothing");
        }
        if (result.isValid() && (input.qr != null || photo)) {
            out.println("  (payload only: compare the number, type, name and date with the paper)");
        }
        return result.verdict().exitCode();
    }

    /** The signed fields: nothing here is more than the code itself shows (the holder is masked). */
    private static void print(PrintWriter out, CertificatePayload p, RevokedKeys revoked) {
        out.println("  number:  " + p.number());
        out.println("  type:    " + p.type());
        out.println("  holder:  " + p.maskedName());
        out.println("  issued:  " + p.issueDate());
        out.println("  valid:   " + (p.isLegacy() ? "(not in this code version)"
                : p.validUntil().map(d -> "until " + d).orElse("no expiry")));
        out.println("  issuer:  " + p.issuerName().orElse("(not in this code version)"));
        out.println("  key:     " + p.keyId() + (revoked.isRevoked(p.keyId()) ? "  REVOKED" : "  (not revoked)")
                + (CertificateKeys.isDemoKeyId(p.keyId()) ? "  DEMO KEY" : ""));
        out.println("  digest:  " + Base64.getUrlEncoder().withoutPadding().encodeToString(p.digest()));
    }

}
