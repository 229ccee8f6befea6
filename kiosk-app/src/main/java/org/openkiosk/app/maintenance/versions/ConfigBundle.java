package org.openkiosk.app.maintenance.versions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.openkiosk.app.certificate.SigningAlgorithm;

/**
 * A signed configuration bundle (ADR 0126): a zip of a whole configuration directory with {@code bundle.manifest}
 * (format line, version, key id, then {@code file SHA-256 PATH} for every file) and {@code bundle.sig} (the
 * operator's Ed25519 signature of the manifest, base64). The signing and checking are the fleet commands' operator
 * keys: the fleet's command signer and {@link SigningAlgorithm#verifies}.
 */
public final class ConfigBundle {

    static final String MANIFEST = "bundle.manifest";
    static final String SIGNATURE = "bundle.sig";
    private static final String FORMAT = "openkiosk-config-bundle 1";
    private static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private final String version;
    private final String keyId;
    private final byte[] manifest;
    private final byte[] signature;
    private final Map<String, byte[]> files;

    private ConfigBundle(String version, String keyId, byte[] manifest, byte[] signature, Map<String, byte[]> files) {
        this.version = version;
        this.keyId = keyId;
        this.manifest = manifest;
        this.signature = signature;
        this.files = files;
    }

    public String version() {
        return version;
    }

    public String keyId() {
        return keyId;
    }

    /** Signs a bundle's manifest: the operator's Ed25519 key (the fleet's command signer, passed in from above). */
    @FunctionalInterface
    public interface ManifestSigner {
        byte[] signature(byte[] manifest);
    }

    /** Writes a bundle of every file under {@code dir}, signed by {@code signer} (the operator's side). */
    public static void write(Path dir, String version, ManifestSigner signer, String keyId, Path out) throws IOException {
        requireLabel(version);
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = dir.relativize(file).toString().replace('\\', '/');
                if (!name.equals(ConfigVersions.LABEL_FILE)) {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        }
        byte[] manifest = manifest(version, keyId, files);
        byte[] signature = signer.signature(manifest);
        try (OutputStream o = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(o)) {
            put(zip, MANIFEST, manifest);
            put(zip, SIGNATURE, Base64.getEncoder().encode(signature));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                put(zip, f.getKey(), f.getValue());
            }
        }
    }

    /** Reads a bundle; its signature and contents are checked by {@link #verify}. */
    public static ConfigBundle read(Path bundle) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(bundle); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.isDirectory()) {
                    continue;
                }
                String name = safeName(e.getName());
                byte[] bytes = zip.readNBytes((int) MAX_FILE_BYTES + 1);
                if (bytes.length > MAX_FILE_BYTES || entries.put(name, bytes) != null) {
                    throw new IOException(bundle + ": " + name + " is larger than 16 MB or appears twice");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(bundle + ": not a configuration bundle (" + e.getMessage() + ")", e);
        }
        byte[] manifest = entries.remove(MANIFEST);
        byte[] signature = entries.remove(SIGNATURE);
        if (manifest == null || signature == null) {
            throw new IOException(bundle + ": not a configuration bundle (no " + MANIFEST + " or " + SIGNATURE + ")");
        }
        List<String> lines = new String(manifest, StandardCharsets.UTF_8).lines().toList();
        if (lines.size() < 3 || !lines.get(0).equals(FORMAT) || !lines.get(1).startsWith("version ")
                || !lines.get(2).startsWith("key ")) {
            throw new IOException(bundle + ": " + MANIFEST + " does not start with \"" + FORMAT + "\", version and key");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(new String(signature, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(bundle + ": " + SIGNATURE + " is not base64", e);
        }
        return new ConfigBundle(lines.get(1).substring(8), lines.get(2).substring(4), manifest, decoded, entries);
    }

    /**
     * Checks that a trusted key signed the manifest and that the files are exactly those it lists.
     *
     * @throws BundleRejected saying why, in a technician's words
     */
    public void verify(Map<String, PublicKey> trustedKeys) throws BundleRejected {
        PublicKey key = trustedKeys.get(keyId);
        if (key == null) {
            throw new BundleRejected("signed with key \"" + keyId + "\", which is not among the trusted operator keys "
                    + trustedKeys.keySet() + " (fleet.operatorKeys of the live configuration, or --trust)");
        }
        if (!SigningAlgorithm.ED25519.verifies(key, manifest, signature)) {
            throw new BundleRejected("the signature does not match key " + keyId + " (bundle altered or not signed by it)");
        }
        try {
            requireLabel(version);
        } catch (IllegalArgumentException e) {
            throw new BundleRejected(e.getMessage());
        }
        if (!java.util.Arrays.equals(manifest, manifest(version, keyId, new TreeMap<>(files)))) {
            throw new BundleRejected("the files differ from those the signed manifest lists (added, removed or altered)");
        }
    }

    /** Writes the bundle's files, and its version as {@link ConfigVersions#LABEL_FILE}, into an empty directory. */
    public void extractTo(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey()).normalize();
            if (!target.startsWith(dir)) {
                throw new IOException("bundle path escapes the directory: " + f.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
        }
        Files.writeString(dir.resolve(ConfigVersions.LABEL_FILE), version + "\n");
    }

    private static byte[] manifest(String version, String keyId, Map<String, byte[]> sortedFiles) {
        StringBuilder text = new StringBuilder(FORMAT).append('\n')
                .append("version ").append(version).append('\n')
                .append("key ").append(keyId).append('\n');
        sortedFiles.forEach((name, bytes) -> text.append("file ").append(sha256(bytes)).append(' ').append(name).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static String safeName(String name) {
        if (name.startsWith("/") || name.contains("\\") || List.of(name.split("/")).contains("..") || name.isBlank()) {
            throw new IllegalArgumentException("unsafe path " + name);
        }
        return name;
    }

    /** A version label: shown in the fleet state and in file names, so short and plain. */
    static void requireLabel(String version) {
        if (!version.matches("[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}")) {
            throw new IllegalArgumentException("version \"" + version + "\" must be 1–64 letters, digits, _ . + -");
        }
    }

    /** A bundle that must not be applied. */
    public static final class BundleRejected extends Exception {
        private static final long serialVersionUID = 1L;

        public BundleRejected(String message) {
            super(message);
        }
    }
}
