package org.openkiosk.app.cli.certificate;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.certificate.Pkcs11Keys;
import org.openkiosk.app.certificate.SigningAlgorithm;
import org.openkiosk.app.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Generate a signing key pair: ID.private.pem (secret, mode 600) and ID.public.pem (publish it).",
                "With --pkcs11 the key is created inside a PKCS#11 token (ECDSA P-256) and only ID.public.pem is written."})
public final class CertificateKeygenCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--id", required = true, description = "key id, e.g. beijing-xicheng-2026 (letters, digits, _ . -)")
    String id;

    @Option(names = "--dir", description = "where to write the key files (default: the kiosk's config/keys)")
    Path dir;

    @Option(names = "--algorithm", paramLabel = "ALG",
            description = "ed25519 (default) or sm2 (SM2 with SM3, GB/T 32918); file keys only")
    String algorithm;

    @Option(names = "--pkcs11", paramLabel = "MODULE",
            description = "create the key in the PKCS#11 token of this module, e.g. /usr/lib/softhsm/libsofthsm2.so")
    Path pkcs11Module;

    @Option(names = "--slot-index", defaultValue = "0", description = "the token's slot list index (default 0)")
    int slotIndex;

    @Option(names = "--pin-env", defaultValue = "KIOSK_TOKEN_PIN",
            description = "environment variable holding the token's user PIN (default KIOSK_TOKEN_PIN)")
    String pinEnvironment;

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
        SigningAlgorithm chosen;
        try {
            chosen = SigningAlgorithm.fromId(algorithm == null ? "ed25519" : algorithm);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        Path target = dir != null ? dir : ConfigDirectory.resolve(null).resolve("keys");
        if (pkcs11Module != null) {
            if (algorithm != null && chosen != SigningAlgorithm.ECDSA_P256) {
                spec.commandLine().getErr().println("a PKCS#11 token key is ecdsa-p256 (Java's SunPKCS11 has no EdDSA, "
                        + "SoftHSM2 no SM2); " + chosen.id() + " keys are file keys: drop --pkcs11");
                return ExitCodes.BAD_CONFIGURATION;
            }
            return inToken(target);
        }
        CertificateKeys.generate(target, id, "OpenKiosk certificate signing key " + id + " (" + chosen.id() + ")", chosen);
        spec.commandLine().getOut().println("wrote " + target.resolve(id + CertificateKeys.PRIVATE_SUFFIX) + " ("
                + chosen.id() + ", secret: readable by this user only)");
        spec.commandLine().getOut().println("wrote " + target.resolve(id + CertificateKeys.PUBLIC_SUFFIX)
                + " (give it to everyone who verifies)");
        spec.commandLine().getOut().println("to sign with it, set in certificate-signing.yaml:  signingKey: keys/" + id
                + CertificateKeys.PRIVATE_SUFFIX);
        return ExitCodes.OK;
    }

    private int inToken(Path target) throws java.io.IOException {
        String pin = System.getenv(pinEnvironment);
        if (pin == null || pin.isEmpty()) {
            spec.commandLine().getErr().println("set the token's user PIN in the environment variable " + pinEnvironment);
            return ExitCodes.BAD_CONFIGURATION;
        }
        Path publicFile = target.resolve(id + CertificateKeys.PUBLIC_SUFFIX);
        if (java.nio.file.Files.exists(publicFile)) {
            spec.commandLine().getErr().println(publicFile + " already exists; choose another id");
            return ExitCodes.BAD_CONFIGURATION;
        }
        java.security.PublicKey key;
        try {
            key = Pkcs11Keys.generate(Pkcs11Keys.provider(pkcs11Module, slotIndex), pin.toCharArray(), id);
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        java.nio.file.Files.createDirectories(target);
        java.nio.file.Files.writeString(publicFile, "# OpenKiosk certificate signing key " + id
                + " (ecdsa-p256, private half in a PKCS#11 token)\n" + CertificateKeys.publicPem(key));
        spec.commandLine().getOut().println("created key " + id + " (ecdsa-p256) in the PKCS#11 token of " + pkcs11Module);
        spec.commandLine().getOut().println("wrote " + publicFile + " (give it to everyone who verifies)");
        spec.commandLine().getOut().println("to sign with it, set in certificate-signing.yaml:  pkcs11: {library: "
                + pkcs11Module + ", slotListIndex: " + slotIndex + ", keyId: " + id + ", pinEnvironment: "
                + pinEnvironment + "}");
        return ExitCodes.OK;
    }
}
