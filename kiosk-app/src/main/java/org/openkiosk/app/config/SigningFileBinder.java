package org.openkiosk.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code certificate-signing.yaml} through the located YAML tree (ADR 0020): every key with its line, unknown
 * keys and missing mode-specific keys reported as {@link ConfigProblem}s. What the keys point at (key files,
 * tokens, directories) is checked by the certificate package's {@code SigningConfig.validate} (ADR 0058).
 */
public final class SigningFileBinder {

    public static final String FILE_NAME = "certificate-signing.yaml";
    public static final String KIOSK_SIGNED = "kiosk-signed";
    public static final String AUTHORITY_SIGNED = "authority-signed";

    /** A value with the line it is written on (0 when absent). */
    public record Located(String value, int line) {}

    /** The PKCS#11 token holding the kiosk's key. */
    public record TokenSettings(Located library, int slotListIndex, Located keyId, Located pinEnvironment) {}

    /**
     * The file as written; paths are still relative to the configuration directory.
     *
     * @param signingKey  kiosk-signed: the private key file
     * @param pkcs11      kiosk-signed: instead of signingKey, a key in a PKCS#11 token
     * @param revokedKeys optional list of revoked key ids
     */
    public record SigningFile(Located mode, Optional<Located> signingKey, Optional<TokenSettings> pkcs11,
                              Located trustedKeys, Optional<Located> revokedKeys) {

        public boolean authoritySigned() {
            return AUTHORITY_SIGNED.equals(mode.value());
        }
    }

    private SigningFileBinder() {}

    public static SigningFile load(Path configDir) throws ConfigException {
        Path file = configDir.resolve(FILE_NAME);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw single("file not found: " + file.toAbsolutePath(), "create it: it names the certificate signing "
                    + "mode and keys (see docs/certificates-a4.md)");
        } catch (IOException e) {
            throw single("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), "check its permissions");
        }
        return parse(text);
    }

    public static SigningFile parse(String text) throws ConfigException {
        Problems problems = new Problems(FILE_NAME);
        YamlTree.Node root;
        try {
            root = YamlTree.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, problems);
        } catch (YamlTree.SyntaxException e) {
            problems.add(e.line(), "", "YAML syntax error: " + e.getMessage(), ConfigFile.syntaxHint(e.getMessage()));
            throw new ConfigException(problems.sorted());
        }
        Section s = Section.root(root, problems);
        String mode = s.choice("mode", KIOSK_SIGNED, List.of(KIOSK_SIGNED, AUTHORITY_SIGNED));
        Located modeAt = new Located(mode, lineOf(s, "mode"));
        Optional<Located> signingKey = located(s, "signingKey");
        Optional<TokenSettings> pkcs11 = Optional.empty();
        if (s.entry("pkcs11").isPresent()) {
            Section token = s.section("pkcs11", false);
            String library = token.requiredText("library", "/usr/lib/softhsm/libsofthsm2.so");
            String slot = token.optionalText("slotListIndex", "0");
            int slotIndex = 0;
            try {
                slotIndex = Integer.parseInt(slot);
            } catch (NumberFormatException e) {
                problems.add(lineOf(token, "slotListIndex"), token.pathOf("slotListIndex"), "not a number: " + slot,
                        "the index of the token's slot, usually 0");
            }
            String keyId = token.requiredText("keyId", "K-0101-2026");
            String pin = token.requiredText("pinEnvironment", "KIOSK_TOKEN_PIN");
            token.rejectUnknownKeys();
            pkcs11 = Optional.of(new TokenSettings(new Located(library, lineOf(token, "library")), slotIndex,
                    new Located(keyId, lineOf(token, "keyId")), new Located(pin, lineOf(token, "pinEnvironment"))));
        }
        String trusted = s.requiredText("trustedKeys", "keys");
        Optional<Located> revoked = located(s, "revokedKeys");
        s.rejectUnknownKeys();
        if (AUTHORITY_SIGNED.equals(mode)) {
            signingKey.ifPresent(k -> problems.add(k.line(), "signingKey", "an authority-signed kiosk holds no signing "
                    + "key", "remove signingKey: the issuing authority signs, the kiosk only checks"));
            if (s.entry("pkcs11").isPresent()) {
                problems.add(lineOf(s, "pkcs11"), "pkcs11", "an authority-signed kiosk holds no signing key",
                        "remove pkcs11:");
            }
        } else if (signingKey.isPresent() == pkcs11.isPresent()) {
            problems.add(signingKey.map(Located::line).orElse(modeAt.line() > 0 ? modeAt.line() : 1), "signingKey",
                    signingKey.isPresent() ? "both signingKey: and pkcs11: are set" : "a kiosk-signed kiosk needs its key",
                    "set exactly one: signingKey: keys/ID.private.pem, or pkcs11: {library, keyId, pinEnvironment}");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.sorted());
        }
        return new SigningFile(modeAt, signingKey, pkcs11, new Located(trusted, lineOf(s, "trustedKeys")), revoked);
    }

    private static Optional<Located> located(Section s, String key) {
        return s.entry(key).map(e -> new Located(s.text(e), e.keyLine())).filter(l -> l.value() != null);
    }

    private static int lineOf(Section s, String key) {
        return s.entry(key).map(YamlTree.Entry::keyLine).orElse(0);
    }

    private static ConfigException single(String message, String hint) {
        return new ConfigException(List.of(new ConfigProblem(FILE_NAME, 0, "", message, hint)));
    }
}
