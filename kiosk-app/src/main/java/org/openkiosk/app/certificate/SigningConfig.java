package org.openkiosk.app.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code config/certificate-signing.yaml}: the signing key file and the directory of trusted public keys
 * (paths relative to the configuration directory).
 */
public record SigningConfig(Path signingKey, Path trustedKeys) {

    public static final String FILE_NAME = "certificate-signing.yaml";

    public static SigningConfig load(Path configDirectory) throws IOException {
        Path file = configDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException("missing " + file + " (names the certificate signing key; see docs/certificates-a4.md)");
        }
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        if (root == null || !root.hasNonNull("signingKey") || !root.hasNonNull("trustedKeys")) {
            throw new IOException(file + " needs signingKey: and trustedKeys:");
        }
        return new SigningConfig(configDirectory.resolve(root.get("signingKey").asText()),
                configDirectory.resolve(root.get("trustedKeys").asText()));
    }

    public CertificateSigner signer() throws IOException {
        return new CertificateSigner(CertificateKeys.keyIdOf(signingKey), CertificateKeys.readPrivate(signingKey));
    }

    public TrustedKeys trusted() throws IOException {
        return TrustedKeys.fromDirectory(trustedKeys);
    }
}
