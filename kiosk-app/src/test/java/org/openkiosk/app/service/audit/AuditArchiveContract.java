package org.openkiosk.app.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.service.audit.AuditVerification.Kind;
import org.openkiosk.app.store.Stores;

/**
 * Archiving the oldest audit records (ADR 0067, 0176) against a real store, H2 and PostgreSQL: the archive holds
 * exactly the old records, the chain verifies from record 1 across the cut with and without the archive file, and an
 * archive that is incomplete, edited or forged — or records deleted without an archive, or beyond it — is named.
 */
abstract class AuditArchiveContract extends AuditTrailStoreFixture {

    /** The first records are written 300 days before "now"; the newer ones ten days before. */
    static final Instant NOW = Instant.parse("2026-12-01T02:00:00.000Z");
    static final Instant OLD = NOW.minus(Duration.ofDays(300));
    static final Instant RECENT = NOW.minus(Duration.ofDays(10));
    static final String HOLDER_KEY = "a".repeat(64);

    Path archives;

    @Override
    Instant start() {
        return OLD;
    }

    @BeforeEach
    void openStore() {
        archives = tempDir.resolve("archives");
        store = Stores.open(config, tempDir);
        audit = new AuditLog(store, clock, "K-01", key, Optional.of(headFile));
    }

    /** Five old records (1–5: a rating, a certificate numbered and printed, two more ratings), three recent (6–8). */
    void writeTrail() {
        rate(1);
        clock.advance(Duration.ofSeconds(1));
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO certificate_print (certificate_type,"
                    + " certificate_number, holder_key, printed_at, kiosk_id, outcome, document_sha256)"
                    + " VALUES ('household', 'C-0001', ?, ?, 'K-01', 'PRINTED', ?)")) {
                ps.setString(1, HOLDER_KEY);
                ps.setObject(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                ps.setString(3, "d".repeat(64));
                ps.executeUpdate();
            }
            String ref = audit.holderReference(HOLDER_KEY);
            audit.append(c, new AuditEntry(AuditAction.CERTIFICATE_NUMBERED, "certificate:C-0001",
                    Map.of("type", "household", "holder", "1101**********002X", "holderRef", ref)));
            audit.append(c, new AuditEntry(AuditAction.CERTIFICATE_PRINTED, "certificate:C-0001",
                    Map.of("type", "household", "holder", "1101**********002X", "holderRef", ref,
                            "outcome", "PRINTED", "document", "d".repeat(64))));
            return null;
        });
        rate(4);
        rate(5);
        clock.set(RECENT);
        rate(6);
        rate(7);
        rate(8);
        clock.set(NOW);
    }

    void rate(int n) {
        clock.advance(Duration.ofSeconds(1));
        audit.record(new AuditEntry(AuditAction.RATED, "service:exit-entry", Map.of("level", "5", "n", "" + n)));
    }

    AuditArchive.Outcome archive() throws Exception {
        return new AuditArchive(store, key, clock).archive("store", AuditArchive.DEFAULT_AGE, archives,
                headFile.read());
    }

    AuditVerification verify(Path... files) throws Exception {
        List<AuditArchiveFile> read = new ArrayList<>();
        for (Path f : files) {
            read.add(AuditArchiveFile.read(f));
        }
        return audit.verify(headFile.read(), read);
    }

    // ---------------------------------------------------------------- the archive and the cut

    @Test
    void theOldRecordsGoToAVerifiedArchiveAndTheChainStillVerifiesFromRecordOne() throws Exception {
        writeTrail();
        AuditArchive.Outcome outcome = archive();

        AuditArchiveCut cut = outcome.cut().orElseThrow();
        assertThat(cut.fromSeq()).isEqualTo(1);
        assertThat(cut.throughSeq()).isEqualTo(5);
        assertThat(outcome.deleted()).isEqualTo(5);
        Path file = outcome.file().orElseThrow();
        assertThat(file.getFileName().toString()).isEqualTo("audit-archive-store-000000001-000000005.jsonl");
        assertThat(query("SELECT COUNT(*) FROM audit_log")).isEqualTo(3);
        assertThat(query("SELECT MIN(seq) FROM audit_log")).isEqualTo(6);
        assertThat(query("SELECT COUNT(*) FROM audit_archive")).isEqualTo(1);
        // the archive holds exactly the deleted records, as the database had them: masked numbers, no names
        AuditArchiveFile read = AuditArchiveFile.read(file);
        assertThat(read.records()).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(read.cut()).contains(cut);
        assertThat(Files.readString(file)).contains("1101**********002X").doesNotContain("110101199003070002");
        // the cut's last link is what the first remaining record names
        assertThat(text("SELECT prev_hash FROM audit_log WHERE seq = 6")).isEqualTo(cut.link());

        AuditVerification withoutFile = verify();
        assertThat(withoutFile.firstBroken()).isEmpty();
        assertThat(withoutFile.recordsChecked()).isEqualTo(3);
        assertThat(withoutFile.uncheckedArchives()).containsExactly(cut);

        AuditVerification withFile = verify(file);
        assertThat(withFile.firstBroken()).isEmpty();
        assertThat(withFile.recordsChecked()).isEqualTo(8);
        assertThat(withFile.uncheckedArchives()).isEmpty();

        // the kiosk goes on appending after the cut
        rate(9);
        assertThat(verify(file).firstBroken()).isEmpty();
        assertThat(verify(file).recordsChecked()).isEqualTo(9);
        // and nothing is old enough a second time
        assertThat(archive().cut()).isEmpty();
    }

    @Test
    void aSecondArchiveFollowsTheFirst() throws Exception {
        writeTrail();
        Path first = archive().file().orElseThrow();
        clock.set(NOW.plus(Duration.ofDays(200)));
        rate(9);
        AuditArchive.Outcome second = archive();
        assertThat(second.cut().orElseThrow().fromSeq()).isEqualTo(6);
        assertThat(second.cut().orElseThrow().throughSeq()).isEqualTo(8);
        assertThat(second.cut().orElseThrow().prevLink()).isEqualTo(AuditArchiveFile.read(first).cut().orElseThrow()
                .link());
        Path secondFile = second.file().orElseThrow();

        assertThat(verify(first, secondFile)).isEqualTo(new AuditVerification(9, Optional.empty()));
        AuditVerification onlySecond = verify(secondFile);
        assertThat(onlySecond.firstBroken()).isEmpty();
        assertThat(onlySecond.uncheckedArchives()).extracting(AuditArchiveCut::throughSeq).containsExactly(5L);
    }

    @Test
    void aBrokenChainIsNeverArchivedAndNothingIsDeleted() throws Exception {
        writeTrail();
        insider("UPDATE audit_log SET details = 'level=1;n=4' WHERE seq = 4");

        assertThatThrownBy(this::archive).isInstanceOf(AuditArchiveException.class)
                .hasMessageContaining("BROKEN at record 4 (ALTERED)").hasMessageContaining("nothing archived");
        assertThat(query("SELECT COUNT(*) FROM audit_log")).isEqualTo(8);
        assertThat(query("SELECT COUNT(*) FROM audit_archive")).isZero();
        assertThat(archives).doesNotExist();
    }

    @Test
    void recordsYoungerThanSixMonthsAreNeverArchived() throws Exception {
        writeTrail();
        assertThatThrownBy(() -> new AuditArchive(store, key, clock).archive("store", Duration.ofDays(179), archives,
                Optional.empty())).isInstanceOf(AuditArchiveException.class).hasMessageContaining("180 days");
        // with 190 days kept, the records of ten days ago stay
        assertThat(archive().cut().orElseThrow().throughSeq()).isEqualTo(5);
    }

    @Test
    void anExistingArchiveFileIsNeverOverwrittenAndNothingIsDeleted() throws Exception {
        writeTrail();
        Files.createDirectories(archives);
        Path taken = archives.resolve(AuditArchiveFile.fileName("store", 1, 5));
        Files.writeString(taken, "someone's file");

        assertThatThrownBy(this::archive).isInstanceOf(AuditArchiveException.class)
                .hasMessageContaining("exists already");
        assertThat(Files.readString(taken)).isEqualTo("someone's file");
        assertThat(query("SELECT COUNT(*) FROM audit_log")).isEqualTo(8);
    }

    // ---------------------------------------------------------------- faults between two steps of a run (ADR 0176)

    /** A run with {@code steps} between its steps. */
    AuditArchive.Outcome archive(AuditArchive.Steps steps) throws Exception {
        return new AuditArchive(store, key, clock, steps).archive("store", AuditArchive.DEFAULT_AGE, archives,
                headFile.read());
    }

    /** Nothing of the run reached the database: every record still there, no cut stored, the chain intact. */
    void nothingDeletedNoCut(long records) throws Exception {
        assertThat(query("SELECT COUNT(*) FROM audit_log")).isEqualTo(records);
        assertThat(query("SELECT COUNT(*) FROM audit_archive")).isZero();
    }

    @Test
    void anArchiveChangedOnTheDiskBeforeItIsReadBackDeletesNothing() throws Exception {
        writeTrail();
        java.util.concurrent.atomic.AtomicReference<Path> written = new java.util.concurrent.atomic.AtomicReference<>();

        assertThatThrownBy(() -> archive(new AuditArchive.Steps() {
            @Override
            public void written(Path file) {
                written.set(file);
                try { // the disk, a copy tool or someone with the directory changes record 4 after it was forced
                    replaceInFile(file, ";n=4\"", ";n=9\"");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        })).isInstanceOf(AuditArchiveException.class)
                .hasMessageContaining("does not verify as written")
                .hasMessageContaining("nothing deleted")
                .hasMessageContaining("left for inspection")
                .hasMessageContaining(written.get().toString());
        nothingDeletedNoCut(8);
        assertThat(written.get()).exists(); // left for the technician to look at
        assertThat(verify().firstBroken()).isEmpty();
        assertThat(verify().uncheckedArchives()).isEmpty(); // no cut: nothing is vouched for by it
        // once the file is moved away, the run goes through
        Files.move(written.get(), tempDir.resolve("inspect.jsonl"));
        assertThat(archive().deleted()).isEqualTo(5);
    }

    @Test
    void anArchiveThatDoesNotReadBackDeletesNothing() throws Exception {
        writeTrail();

        assertThatThrownBy(() -> archive(new AuditArchive.Steps() {
            @Override
            public void written(Path file) {
                try { // the file is cut short on the disk: not even its header reads back
                    Files.writeString(file, "{\"format\":");
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        })).isInstanceOf(AuditArchiveException.class)
                .hasMessageContaining("does not read back").hasMessageContaining("nothing deleted");
        nothingDeletedNoCut(8);
    }

    @Test
    void aRecordChangedByAnotherConnectionAfterTheVerificationDeletesNothing() throws Exception {
        writeTrail();

        assertThatThrownBy(() -> archive(new AuditArchive.Steps() {
            @Override
            public void verified(Path file) {
                try { // a second connection edits an archived record (not its link) between the read-back and the delete
                    insider("UPDATE audit_log SET details = 'level=1;n=3' WHERE seq = 4");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        })).isInstanceOf(AuditArchiveException.class)
                .hasMessageContaining("record 4 changed after it was archived").hasMessageContaining("nothing deleted");
        nothingDeletedNoCut(8);
        // the edit stays visible to verify: nothing hid it
        assertThat(verify().firstBroken()).hasValueSatisfying(b -> assertThat(b.seq()).isEqualTo(4));
    }

    @Test
    void aRecordDeletedByAnotherConnectionAfterTheVerificationDeletesNothing() throws Exception {
        writeTrail();

        assertThatThrownBy(() -> archive(new AuditArchive.Steps() {
            @Override
            public void verified(Path file) {
                try { // a second connection removes an archived record between the read-back and the delete
                    insider("DELETE FROM audit_log WHERE seq = 3");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        })).isInstanceOf(AuditArchiveException.class)
                .hasMessageContaining("now holds 4 records up to 5, not the 5 archived")
                .hasMessageContaining("nothing deleted");
        nothingDeletedNoCut(7);
        assertThat(verify().firstBroken()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(3);
            assertThat(b.kind()).isEqualTo(Kind.MISSING);
        });
    }

    // ---------------------------------------------------------------- what verify catches

    @Test
    void recordsDeletedWithoutAnArchiveAreMissing() throws Exception {
        writeTrail();
        insider("DELETE FROM audit_log WHERE seq <= 5");

        AuditVerification result = verify();
        assertThat(result.firstBroken()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(Kind.MISSING);
            assertThat(b.seq()).isEqualTo(1);
        });
    }

    @Test
    void recordsDeletedBeyondTheArchiveAreMissing() throws Exception {
        writeTrail();
        Path file = archive().file().orElseThrow();
        insider("DELETE FROM audit_log WHERE seq = 6");

        for (AuditVerification result : List.of(verify(), verify(file))) {
            assertThat(result.firstBroken()).hasValueSatisfying(b -> {
                assertThat(b.kind()).isEqualTo(Kind.MISSING);
                assertThat(b.seq()).isEqualTo(6);
            });
        }
    }

    @Test
    void theCutDeletedFromTheDatabaseLeavesRecordOneMissingUnlessTheArchiveIsGiven() throws Exception {
        writeTrail();
        Path file = archive().file().orElseThrow();
        insider("DELETE FROM audit_archive");

        assertThat(verify().firstBroken()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(Kind.MISSING);
            assertThat(b.seq()).isEqualTo(1);
        });
        // the archive carries its own signed cut
        assertThat(verify(file).firstBroken()).isEmpty();
    }

    @Test
    void recordsStillInTheDatabaseUnderAnArchivesCutAreNamedNotSkipped() throws Exception {
        writeTrail();
        Path file = archive().file().orElseThrow();
        // as after a run that wrote its archive but deleted nothing: the rows are back, the cut row is not
        insider("DELETE FROM audit_archive");
        try (Connection c = insiderConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log"
                + " (seq, recorded_at, kiosk_id, action, subject, details, prev_hash, hash, link_version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditRecord r : AuditArchiveFile.read(file).records()) {
                ps.setLong(1, r.seq());
                ps.setObject(2, OffsetDateTime.ofInstant(r.recordedAt(), ZoneOffset.UTC));
                ps.setString(3, r.kioskId());
                ps.setString(4, r.action());
                ps.setString(5, r.subject());
                ps.setString(6, r.details());
                ps.setString(7, r.prevHash());
                ps.setString(8, r.hash());
                ps.setInt(9, r.version());
                ps.executeUpdate();
            }
        }
        assertThat(verify().firstBroken()).isEmpty();
        // an insider edits a record the archive also holds: with the archive given, it must not be skipped
        insider("UPDATE audit_log SET details = 'level=1;n=4' WHERE seq = 4");
        assertThat(verify(file).firstBroken()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(Kind.ARCHIVE_MISMATCH);
            assertThat(b.seq()).isEqualTo(1);
            assertThat(b.reason()).contains("still in the database");
        });
    }

    @Test
    void aForgedCutIsNamed() throws Exception {
        writeTrail();
        archive();
        String cut = text("SELECT cut FROM audit_archive");
        // the insider moves the cut to cover record 6 too, with the link of record 6, but cannot sign it
        String link6 = text("SELECT hash FROM audit_log WHERE seq = 6");
        String forged = AuditArchiveCut.parse(cut).text().replace("through=5", "through=6")
                .replaceAll("link=[0-9a-f]+", "link=" + link6);
        insider("DELETE FROM audit_archive");
        insider("DELETE FROM audit_log WHERE seq = 6");
        insider("INSERT INTO audit_archive (through_seq, from_seq, archived_at, cut) VALUES (6, 1, CURRENT_TIMESTAMP, '"
                + forged + "')");

        assertThat(verify().firstBroken()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(Kind.ARCHIVE_MISMATCH);
            assertThat(b.reason()).contains("not signed with the audit key");
        });
    }

    @Test
    void anEditedArchiveRecordIsNamed() throws Exception {
        writeTrail();
        Path file = archive().file().orElseThrow();
        replaceInFile(file, ";n=4\"", ";n=9\""); // record 4's details

        AuditVerification result = verify(file);
        assertThat(result.firstBroken()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(4);
            assertThat(b.kind()).isIn(Kind.ALTERED);
            assertThat(b.reason()).contains("in the archive");
        });
        // without the file the database's part still verifies, and says the archive was not checked
        assertThat(verify().firstBroken()).isEmpty();
        assertThat(verify().uncheckedArchives()).hasSize(1);
    }

    @Test
    void anEditedHeaderOrExtraLineIsNamed() throws Exception {
        writeTrail();
        Path file = archive().file().orElseThrow();
        replaceInFile(file, "\"chain\":\"store\"", "\"chain\":\"store \"");

        assertThat(verify(file).firstBroken()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(Kind.ARCHIVE_MISMATCH);
            assertThat(b.reason()).contains("changed after it was made");
        });
    }

    @Test
    void anIncompleteArchiveIsNamed() throws Exception {
        writeTrail();
        Path file = archive().file().orElseThrow();
        List<String> lines = Files.readAllLines(file);

        // cut short while copied: the last record and the cut are gone
        Files.write(file, lines.subList(0, lines.size() - 2));
        assertThat(verify(file).firstBroken()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(Kind.ARCHIVE_MISMATCH);
            assertThat(b.reason()).contains("incomplete");
        });

        // a record line removed from the middle: its number is missing
        List<String> withoutRecord3 = new ArrayList<>(lines);
        withoutRecord3.remove(3); // header, 1, 2, [3], …
        Files.write(file, withoutRecord3);
        assertThat(verify(file).firstBroken()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(Kind.MISSING);
            assertThat(b.seq()).isEqualTo(3);
        });

        // the last record removed, the cut kept
        List<String> withoutRecord5 = new ArrayList<>(lines);
        withoutRecord5.remove(5);
        Files.write(file, withoutRecord5);
        assertThat(verify(file).firstBroken()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(Kind.ARCHIVE_MISMATCH);
            assertThat(b.seq()).isEqualTo(5);
        });
    }

    @Test
    void anArchivedPrintRecordStillChecksItsRow() throws Exception {
        writeTrail();
        Path file = archive().file().orElseThrow();
        insider("UPDATE certificate_print SET outcome = 'FAILED' WHERE certificate_number = 'C-0001'");

        assertThat(verify(file).firstBroken()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(Kind.PRINT_MISMATCH);
            assertThat(b.seq()).isEqualTo(3);
        });
        // without the archive the row's records cannot be seen: it is not called inserted or edited
        assertThat(verify().firstBroken()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    static void replaceInFile(Path file, String from, String to) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
    }
}
