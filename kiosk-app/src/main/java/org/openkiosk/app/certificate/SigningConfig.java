package org.openkiosk.app.certificate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.ConfigProblem;
import org.openkiosk.app.config.SigningFileBinder;
import org.openkiosk.app.config.SigningFileBinder.Located;
import org.openkiosk.app.config.SigningFileBinder.SigningFile;
import org.openkiosk.app.config.SigningFileBinder.TokenSettings;

/**
 * {@code config/certificate-signing.yaml} (ADR 0053, 0054): the network's signing mode, this kiosk's key (a file
 * readable by the kiosk user only, or a key in a PKCS#11 token) in kiosk-signed networks, the directory of trusted
 * public keys and the revocation list. Paths are relative to the configuration directory.
 */
public final class SigningConfig {

    public static final String FILE_NAME = SigningFileBinder.FILE_NAME;

    private final Path configDirectory;
    private final SigningFile file;
    private final UnaryOperator<String> environment;

    private SigningConfig(Path configDirectory, SigningFile file, UnaryOperator<String> environment) {
        this.configDirectory = configDirectory;
        this.file = file;
        this.environment = environment;
    }

    public static SigningConfig load(Path configDirectory) throws IOException {
        return load(configDirectory, System::getenv);
    }

    /** @param environment looks up the PKCS#11 PIN variable */
    public static SigningConfig load(Path configDirectory, UnaryOperator<String> environment) throws IOException {
        try {
            return new SigningConfig(configDirectory, SigningFileBinder.load(configDirectory), environment);
        } catch (ConfigException e) {
            throw new IOException(e.problems().stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")), e);
        }
    }

    public boolean authoritySigned() {
        return file.authoritySigned();
    }

    public Path trustedKeys() {
        return configDirectory.resolve(file.trustedKeys().value());
    }

    public Optional<Path> signingKey() {
        return file.signingKey().map(k -> configDirectory.resolve(k.value()));
    }

    /** How this kiosk's certificates get signed: its own key, or the authority's signature checked here. */
    public PayloadSigning signing() throws IOException {
        if (authoritySigned()) {
            return new AuthoritySignatureCheck(trusted(), revoked());
        }
        return signer();
    }

    /** This kiosk's own key (kiosk-signed networks). Refuses a revoked key and a key file others can read. */
    public CertificateSigner signer() throws IOException {
        if (authoritySigned()) {
            throw new IOException(FILE_NAME + " says authority-signed: this kiosk holds no signing key");
        }
        CertificateSigner signer;
        if (file.pkcs11().isPresent()) {
            TokenSettings token = file.pkcs11().get();
            signer = Pkcs11Keys.signer(provider(token), pin(token), token.keyId().value());
        } else {
            Path key = signingKey().orElseThrow();
            String keyId = CertificateKeys.keyIdOf(key);
            if (!CertificateKeys.isDemoKeyId(keyId)) {
                CertificateKeys.requireOwnerOnly(key); // the published demo key has nothing to protect
            }
            signer = new CertificateSigner(keyId, CertificateKeys.readPrivate(key));
        }
        if (revoked().isRevoked(signer.keyId())) {
            throw new IOException("the signing key " + signer.keyId() + " is on the revocation list; give this kiosk a new key");
        }
        return signer;
    }

    public TrustedKeys trusted() throws IOException {
        return TrustedKeys.fromDirectory(trustedKeys());
    }

    public RevokedKeys revoked() throws IOException {
        return file.revokedKeys().isPresent() ? RevokedKeys.fromFile(configDirectory.resolve(file.revokedKeys().get().value()))
                : RevokedKeys.none();
    }

    /**
     * The verifier of this network's certificates: its trusted keys and revocation list. {@code ./kiosk certificate
     * verify} and the kiosk's certificate check both use it (one verification path).
     *
     * @param acceptDemoKey demo mode: a code signed with the published demo key may pass
     */
    public CertificateVerifier verifier(boolean acceptDemoKey) throws IOException {
        return new CertificateVerifier(trusted(), revoked(), acceptDemoKey);
    }

    /**
     * The verifier {@code ./kiosk certificate verify} uses: this network's ({@link #verifier(boolean)}), with the
     * trusted-keys directory and the revocation list replaced where the technician names them. Given trusted keys
     * and no revocation list, nothing is revoked and the configuration is not read (it may not exist).
     */
    public static CertificateVerifier verifier(Path configDirectory, Optional<Path> trustedKeys,
                                               Optional<Path> revokedFile, boolean acceptDemoKey) throws IOException {
        if (trustedKeys.isEmpty() && revokedFile.isEmpty()) {
            return load(configDirectory).verifier(acceptDemoKey);
        }
        SigningConfig config = trustedKeys.isPresent() ? null : load(configDirectory);
        TrustedKeys trusted = config != null ? config.trusted() : TrustedKeys.fromDirectory(trustedKeys.get());
        RevokedKeys revoked = revokedFile.isPresent() ? RevokedKeys.fromFile(revokedFile.get())
                : config != null ? config.revoked() : RevokedKeys.none();
        return new CertificateVerifier(trusted, revoked, acceptDemoKey);
    }

    private Provider provider(TokenSettings token) throws IOException {
        return Pkcs11Keys.provider(configDirectory.resolve(token.library().value()), token.slotListIndex());
    }

    private char[] pin(TokenSettings token) throws IOException {
        String pin = environment.apply(token.pinEnvironment().value());
        if (pin == null || pin.isEmpty()) {
            throw new IOException("the PKCS#11 PIN variable " + token.pinEnvironment().value() + " is not set");
        }
        return pin.toCharArray();
    }

    /**
     * Every problem of the signing set-up with file and line (ADR 0058): the file itself, then what it points at —
     * the trusted-keys directory, key files named {@code ID.public.pem} that parse, the signing key (owner-only,
     * parses, matches the trusted public key of the same id, not revoked, id naming the kiosk), the token and its
     * key, the revocation list.
     *
     * @param kioskId the kiosk's id from kiosk.yaml, when known: a kiosk's own key id must be it or start with it and a dash
     * @param demo    demo mode: the published demo key is allowed
     */
    public static List<ConfigProblem> validate(Path configDirectory, Optional<String> kioskId, boolean demo,
                                               UnaryOperator<String> environment) {
        SigningFile file;
        try {
            file = SigningFileBinder.load(configDirectory);
        } catch (ConfigException e) {
            return e.problems();
        }
        List<ConfigProblem> problems = new ArrayList<>();
        SigningConfig config = new SigningConfig(configDirectory, file, environment);
        Located trustedAt = file.trustedKeys();
        TrustedKeys trusted = null;
        Path trustedDir = config.trustedKeys();
        if (!Files.isDirectory(trustedDir)) {
            problems.add(problem(trustedAt, "trustedKeys", "directory " + trustedDir + " does not exist",
                    "create it and put the trusted ID.public.pem files there"));
        } else {
            try (Stream<Path> files = Files.list(trustedDir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".pem")).sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (!name.endsWith(CertificateKeys.PUBLIC_SUFFIX) && !name.endsWith(CertificateKeys.PRIVATE_SUFFIX)) {
                        problems.add(problem(trustedAt, "trustedKeys", "key file " + name + " is not named ID"
                                + CertificateKeys.PUBLIC_SUFFIX, "the file name before .public.pem is the key id"));
                    }
                }
                trusted = TrustedKeys.fromDirectory(trustedDir);
            } catch (IOException | IllegalArgumentException e) {
                problems.add(problem(trustedAt, "trustedKeys", e.getMessage(), "fix or remove the file"));
            }
        }
        RevokedKeys revoked = RevokedKeys.none();
        if (file.revokedKeys().isPresent()) {
            try {
                revoked = config.revoked();
            } catch (IOException | IllegalArgumentException e) {
                problems.add(problem(file.revokedKeys().get(), "revokedKeys", e.getMessage(),
                        "one key id per line, # comments"));
            }
        }
        if (file.authoritySigned()) {
            if (trusted != null && trusted.keyIds().stream().allMatch(CertificateKeys::isDemoKeyId)) {
                problems.add(problem(trustedAt, "trustedKeys", "no trusted key of the issuing authority in " + trustedDir,
                        "put the authority's ID.public.pem there"));
            }
            return problems;
        }
        Located keyAt = file.signingKey().orElseGet(() -> file.pkcs11().get().keyId());
        String field = file.signingKey().isPresent() ? "signingKey" : "pkcs11.keyId";
        try {
            CertificateSigner signer = config.signer();
            String keyId = signer.keyId();
            if (signer.isDemoKey() && !demo) {
                problems.add(problem(keyAt, field, "the signing key " + keyId + " is the published DEMO key",
                        "generate this kiosk's own key: ./kiosk certificate keygen --id " + kioskId.orElse("KIOSK")
                                + "-2026"));
            } else if (!signer.isDemoKey() && kioskId.isPresent() && !namesKiosk(keyId, kioskId.get())) {
                problems.add(problem(keyAt, field, "key id " + keyId + " does not name this kiosk " + kioskId.get(),
                        "each kiosk signs with its own key, e.g. " + kioskId.get() + "-2026"));
            }
            Optional<PublicKey> published = trusted == null ? Optional.empty() : trusted.find(keyId);
            if (trusted != null && published.isEmpty()) {
                problems.add(problem(keyAt, field, "no trusted public key " + keyId + CertificateKeys.PUBLIC_SUFFIX
                        + " in " + trustedDir, "publish the key's public half there so its certificates verify"));
            } else if (published.isPresent() && !matches(signer, published.get())) {
                problems.add(problem(keyAt, field, "the signing key does not match the trusted public key "
                        + keyId + CertificateKeys.PUBLIC_SUFFIX, "the two files belong to different key pairs"));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(problem(keyAt, field, e.getMessage(), file.pkcs11().isPresent()
                    ? "check the module, the slot, the PIN variable and the key id" : "fix the key file"));
        }
        return problems;
    }

    /** The kiosk id itself or the kiosk id, a dash and more: K-0101-2026 names K-0101, K-01012-2026 does not. */
    static boolean namesKiosk(String keyId, String kioskId) {
        return keyId.equals(kioskId) || keyId.startsWith(kioskId + "-");
    }

    /** A key pair matches when a signature by the private half verifies with the public half. */
    private static boolean matches(CertificateSigner signer, PublicKey key) {
        CertificatePayload probe = new CertificatePayload("PROBE-1", "probe", "x", java.time.LocalDate.EPOCH,
                Optional.empty(), "probe", new byte[32], signer.keyId(), new byte[0]);
        try {
            CertificatePayload signed = signer.sign(probe);
            return SigningAlgorithm.of(key).verifies(key, signed.signedBytes(), signed.signature());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static ConfigProblem problem(Located at, String field, String message, String hint) {
        return new ConfigProblem(FILE_NAME, at.line(), field, message, hint);
    }
}
