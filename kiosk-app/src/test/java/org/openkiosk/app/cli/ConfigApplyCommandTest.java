package org.openkiosk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.maintenance.versions.ConfigVersions;
import org.openkiosk.app.runtime.ConfigurationChanges;
import org.openkiosk.app.service.audit.AuditEntry;
import org.openkiosk.app.service.audit.AuditHeadFile;
import org.openkiosk.app.service.audit.AuditKey;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.service.audit.AuditRecord;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreBackend;
import org.openkiosk.app.store.Stores;

/**
 * {@code kiosk config bundle / apply / rollback / guard-start} on a copy of the demo configuration (ADR 0126): only a
 * bundle signed by a trusted operator key and valid as a whole directory replaces the live configuration; earlier
 * versions come back by command, and by themselves when the new one never started the kiosk.
 */
class ConfigApplyCommandTest {

    @TempDir
    Path tmp;
    private Path live;
    private Path data;
    private Path operatorPublic;
    private Path operatorPrivate;

    @BeforeEach
    void liveConfigurationAndOperatorKey() throws Exception {
        live = tmp.resolve("openkiosk");
        copyTree(Path.of(ConfigValidateCommandTest.REPO_CONFIG), live);
        data = Files.createDirectories(tmp.resolve("data"));
        Path ops = Files.createDirectories(tmp.resolve("operator"));
        CertificateKeys.generate(ops, "hall-ops", "test operator key");
        operatorPrivate = ops.resolve("hall-ops" + CertificateKeys.PRIVATE_SUFFIX);
        operatorPublic = ops.resolve("hall-ops" + CertificateKeys.PUBLIC_SUFFIX);
    }

    @Test
    void aSignedValidBundleReplacesTheLiveConfigurationAndReportsItsVersion() throws Exception {
        Path bundle = bundleOf(editedCopy("K-0101", "K-0102"), "2026-12-02.1", operatorPrivate);

        CommandRun run = apply(bundle);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("applied configuration 2026-12-02.1 (signed by hall-ops) as version 0002");
        assertThat(Files.readString(live.resolve("kiosk.yaml"))).contains("K-0102");
        assertThat(ConfigVersions.label(live)).contains("2026-12-02.1");
        assertThat(ConfigVersions.pending(data)).isTrue();
        CommandRun listed = CommandRun.of("config", "rollback", "--list", "--config", live.toString(), "--data", data.toString());
        assertThat(listed.out()).contains("  0001 (no label)").contains("* 0002 2026-12-02.1");
    }

    @Test
    void aBundleSignedByAnotherKeyWithTheSameIdReplacesNothing() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("impostor"));
        CertificateKeys.generate(other, "hall-ops", "not the hall's key");
        String before = treeHash(live);

        CommandRun run = apply(bundleOf(editedCopy("K-0101", "K-0666"), "evil", other.resolve("hall-ops.private.pem")));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(run.err()).contains("bundle rejected, nothing replaced: the signature does not match key hall-ops");
        assertThat(treeHash(live)).isEqualTo(before);
        assertThat(ConfigVersions.pending(data)).isFalse();
    }

    @Test
    void aBundleAlteredAfterSigningOrByAnUntrustedKeyReplacesNothing() throws Exception {
        String before = treeHash(live);
        Path altered = tmp.resolve("altered.zip");
        rewriteEntry(bundleOf(editedCopy("K-0101", "K-0102"), "v2", operatorPrivate), altered, "kiosk.yaml",
                text -> text.replace("K-0102", "K-0666"));
        Path ops2 = Files.createDirectories(tmp.resolve("ops2"));
        CertificateKeys.generate(ops2, "other-ops", "untrusted");

        CommandRun alteredRun = apply(altered);
        CommandRun untrusted = apply(bundleOf(editedCopy("K-0101", "K-0102"), "v3", ops2.resolve("other-ops.private.pem")));

        assertThat(alteredRun.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(alteredRun.err()).contains("the files differ from those the signed manifest lists");
        assertThat(untrusted.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(untrusted.err()).contains("signed with key \"other-ops\", which is not among the trusted operator keys");
        assertThat(treeHash(live)).isEqualTo(before);
    }

    @Test
    void aSignedBundleThatIsNotAValidConfigurationReplacesNothing() throws Exception {
        String before = treeHash(live);
        Path broken = editedCopy("\n    driver: escpos\n", "\n    driver: escpos2\n");

        CommandRun run = apply(bundleOf(broken, "2026-12-02.2", operatorPrivate));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(run.err()).containsPattern("kiosk\\.yaml:\\d+ devices\\.receiptPrinter\\.driver: unknown driver \"escpos2\"")
                .contains("configuration INVALID: 1 problem(s) in bundle 2026-12-02.2; nothing replaced");
        assertThat(treeHash(live)).isEqualTo(before);
        assertThat(ConfigVersions.pending(data)).isFalse();
    }

    @Test
    void rollbackPutsThePreviousVersionBack() throws Exception {
        String original = treeHash(live);
        assertThat(apply(bundleOf(editedCopy("K-0101", "K-0102"), "v2", operatorPrivate)).exitCode()).isZero();

        CommandRun run = CommandRun.of("config", "rollback", "--config", live.toString(), "--data", data.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("rolled back to version 0001").contains("* 0001").contains("  0002 v2");
        assertThat(treeHash(live)).isEqualTo(original);
        assertThat(ConfigVersions.pending(data)).isFalse();
    }

    @Test
    void aNewConfigurationThatNeverStartedTheKioskIsRolledBackAtTheNextStart() throws Exception {
        String original = treeHash(live);
        assertThat(apply(bundleOf(editedCopy("K-0101", "K-0102"), "v2", operatorPrivate)).exitCode()).isZero();

        guardStart(); // the first start with v2 …
        assertThat(Files.readString(live.resolve("kiosk.yaml"))).contains("K-0102");
        CommandRun second = guardStart(); // … never confirmed it: the next start puts v1 back

        assertThat(second.err()).contains("CONFIG_ROLLED_BACK configuration 0002 v2 did not start the kiosk; rolled back to 0001");
        assertThat(treeHash(live)).isEqualTo(original);
        assertThat(Files.readString(data.resolve(ConfigVersions.ROLLED_BACK))).contains("CONFIG_ROLLED_BACK");
        // written by root before the start, read by the kiosk user for the fleet alarm
        assertThat(Files.getPosixFilePermissions(data.resolve(ConfigVersions.ROLLED_BACK)))
                .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        assertThat(ConfigVersions.pending(data)).isFalse();
    }

    @Test
    void aNewConfigurationThatStartedTheKioskStays() throws Exception {
        assertThat(apply(bundleOf(editedCopy("K-0101", "K-0102"), "v2", operatorPrivate)).exitCode()).isZero();

        guardStart();
        ConfigVersions.confirmStarted(data); // what the kiosk does when it starts serving
        CommandRun next = guardStart();

        assertThat(next.err()).isEmpty();
        assertThat(Files.readString(live.resolve("kiosk.yaml"))).contains("K-0102");
        assertThat(data.resolve(ConfigVersions.ROLLED_BACK)).doesNotExist();
    }

    @Test
    void theKioskEndsWhenANewConfigurationDoesNotServeAndConfirmsItWhenItDoes() throws Exception {
        assertThat(ConfigVersions.endsForRollback(data, false)).as("nothing pending: wait out of service").isFalse();
        assertThat(apply(bundleOf(editedCopy("K-0101", "K-0102"), "v2", operatorPrivate)).exitCode()).isZero();

        assertThat(ConfigVersions.endsForRollback(data, false)).as("pending and out of service: end").isTrue();
        assertThat(ConfigVersions.pending(data)).isTrue();
        assertThat(ConfigVersions.endsForRollback(data, true)).as("pending and serving: keep it").isFalse();
        assertThat(ConfigVersions.pending(data)).isFalse();
    }

    @Test
    void everyApplyAndRollbackReachesTheKeyedAuditTrailAtTheNextStart() throws Exception {
        assertThat(apply(bundleOf(editedCopy("K-0101", "K-0102"), "v2", operatorPrivate)).exitCode()).isZero();
        assertThat(CommandRun.of("config", "rollback", "--config", live.toString(), "--data", data.toString())
                .exitCode()).isZero();
        assertThat(apply(bundleOf(editedCopy("K-0101", "K-0103"), "v3", operatorPrivate)).exitCode()).isZero();
        guardStart();
        guardStart(); // v3 never started the kiosk: put back by itself
        assertThat(ConfigurationChanges.notes(data)).extracting(ConfigurationChanges.Note::how)
                .containsExactly("apply", "rollback", "apply", "automatic-rollback");

        Path storeDir = Files.createDirectories(tmp.resolve("store"));
        try (Store store = Stores.open(StoreBackend.h2().newStoreConfig(storeDir), storeDir)) {
            AuditKey key = AuditKey.ephemeral();
            AuditHeadFile head = new AuditHeadFile(data.resolve(AuditHeadFile.FILE_NAME));
            AuditLog trail = new AuditLog(store, Clock.systemUTC(), "K-0101", key, Optional.of(head));

            List<AuditRecord> written = ConfigurationChanges.recordAtStart(live, data, trail);

            assertThat(written).extracting(r -> r.action() + " " + r.subject() + " "
                            + AuditEntry.parseDetails(r.details()).get("how") + " "
                            + AuditEntry.parseDetails(r.details()).get("version"))
                    .containsExactly("CONFIGURATION_CHANGED config:openkiosk apply 0002 v2",
                            "CONFIGURATION_CHANGED config:openkiosk rollback 0001 (no label)",
                            "CONFIGURATION_CHANGED config:openkiosk apply 0003 v3",
                            "CONFIGURATION_CHANGED config:openkiosk automatic-rollback 0001 (no label)");
            assertThat(AuditEntry.parseDetails(written.get(3).details()))
                    .containsEntry("sha256", ConfigurationChanges.digest(live)).containsKey("changedAt");
            assertThat(data.resolve(ConfigurationChanges.NOTES)).as("recorded once").doesNotExist();
            assertThat(ConfigurationChanges.recordAtStart(live, data, trail)).as("nothing changed since").isEmpty();

            // edited by hand while the kiosk was stopped: found at the next start
            Path yaml = live.resolve("kiosk.yaml");
            Files.writeString(yaml, Files.readString(yaml) + "\n# edited by hand\n");
            assertThat(ConfigurationChanges.recordAtStart(live, data, trail)).singleElement()
                    .satisfies(r -> assertThat(AuditEntry.parseDetails(r.details()))
                            .containsEntry("how", "found-changed-at-start")
                            .containsEntry("sha256", ConfigurationChanges.digest(live)));
            assertThat(trail.verify(head.read()).intact()).isTrue();
        }
    }

    @Test
    void theAutomaticRollbackPutsBackTheLiveVersionEvenWhenItIsOlderThanTheKeptOnes() throws Exception {
        ConfigVersions versions = new ConfigVersions(live, data, Clock.systemUTC());
        for (int i = 2; i <= 7; i++) {
            install(versions, "# version " + i);
        }
        for (int i = 0; i < 5; i++) {
            versions.rollback(); // 7 → 2: the technician goes back to an old, known good one
        }
        assertThat(Files.readString(live.resolve("kiosk.yaml"))).endsWith("# version 2\n");
        install(versions, "# version 8"); // … then applies a new one that never starts

        guardStart();
        CommandRun second = guardStart();

        assertThat(second.err()).contains("rolled back to 0002");
        assertThat(Files.readString(live.resolve("kiosk.yaml"))).endsWith("# version 2\n");
    }

    private static void install(ConfigVersions versions, String marker) throws IOException {
        Path staged = versions.freshStaging();
        Files.delete(staged);
        copyTree(versions.store().resolveSibling(versions.store().getFileName().toString().replace(".versions", "")),
                staged);
        Path yaml = staged.resolve("kiosk.yaml");
        String text = Files.readString(yaml).replaceAll("(?m)^# version \\d+\n", "");
        Files.writeString(yaml, (text.endsWith("\n") ? text : text + "\n") + marker + "\n");
        versions.install(staged);
    }

    private CommandRun apply(Path bundle) {
        return CommandRun.of("config", "apply", bundle.toString(), "--trust", operatorPublic.toString(),
                "--config", live.toString(), "--data", data.toString());
    }

    private CommandRun guardStart() {
        return CommandRun.of("config", "guard-start", "--config", live.toString(), "--data", data.toString());
    }

    private Path bundleOf(Path dir, String version, Path key) {
        Path out = tmp.resolve(version + "-" + System.nanoTime() + ".zip");
        CommandRun run = CommandRun.of("config", "bundle", dir.toString(), out.toString(), "--key", key.toString(),
                "--version", version);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    /** A copy of the live configuration with one text replaced in kiosk.yaml. */
    private Path editedCopy(String from, String to) throws IOException {
        Path copy = tmp.resolve("edit-" + System.nanoTime());
        copyTree(live, copy);
        Path yaml = copy.resolve("kiosk.yaml");
        String text = Files.readString(yaml);
        assertThat(text).contains(from);
        Files.writeString(yaml, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
        return copy;
    }

    private static void rewriteEntry(Path in, Path out, String name, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        try (InputStream i = Files.newInputStream(in); ZipInputStream zin = new ZipInputStream(i);
             OutputStream o = Files.newOutputStream(out); ZipOutputStream zout = new ZipOutputStream(o)) {
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                byte[] bytes = zin.readAllBytes();
                if (e.getName().equals(name)) {
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zout.putNextEntry(new ZipEntry(e.getName()));
                zout.write(bytes);
                zout.closeEntry();
            }
        }
    }

    private static String treeHash(Path dir) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return files.toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }
}
