package org.openkiosk.app.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.service.audit.AuditVerification.BrokenLink;
import org.openkiosk.app.service.audit.AuditVerification.Kind;
import org.openkiosk.app.store.Stores;

/**
 * The keyed audit trail (ADR 0064) against a real store, for H2 and PostgreSQL: every way an insider with database
 * access but without the audit key can rewrite the trail is caught by {@link AuditLog#verify}, naming the record.
 */
abstract class KeyedAuditTrailContract extends AuditTrailStoreFixture {

    static final Instant T0 = Instant.parse("2026-12-01T02:00:00.000Z");

    @Override
    Instant start() {
        return T0;
    }

    void openAndAppend(int records) {
        store = Stores.open(config, tempDir);
        audit = new AuditLog(store, clock, "K-01", key, Optional.of(headFile));
        for (int i = 1; i <= records; i++) {
            clock.advance(java.time.Duration.ofSeconds(1));
            audit.record(new AuditEntry(AuditAction.RATED, "service:exit-entry", Map.of("level", "5", "n", "" + i)));
        }
    }

    // ---------------------------------------------------------------- an intact keyed trail

    @Test
    void newRecordsAreKeyedAndTheSignedHeadIsPublishedOutsideTheDatabase() throws Exception {
        openAndAppend(3);
        assertThat(audit.verify()).isEqualTo(new AuditVerification(3, Optional.empty()));
        assertThat(query("SELECT COUNT(*) FROM audit_log WHERE link_version = 2")).isEqualTo(3);

        AuditHead head = headFile.read().orElseThrow();
        assertThat(head.seq()).isEqualTo(3);
        assertThat(head.firstKeyed()).isEqualTo(1);
        assertThat(head.kioskId()).isEqualTo("K-01");
        assertThat(head.signedBy(key)).isTrue();
        assertThat(head.signedBy(AuditKey.ephemeral())).isFalse();
        assertThat(audit.head()).contains(head);
        assertThat(head.link()).isEqualTo(text("SELECT hash FROM audit_log WHERE seq = 3"));
        // the key itself never reaches the database or the head
        String keyHex = Files.readString(tempDir.resolve("keys/audit.key")).strip();
        assertThat(head.text()).doesNotContain(keyHex);
        assertThat(query("SELECT COUNT(*) FROM audit_log WHERE details LIKE '%" + keyHex + "%'")).isZero();
    }

    @Test
    void headListenersGetEachNewHeadAndNothingForARollback() throws Exception {
        openAndAppend(1);
        List<AuditHead> heads = new java.util.concurrent.CopyOnWriteArrayList<>();
        audit.addHeadListener(heads::add);
        audit.record(new AuditEntry(AuditAction.RATED, "service:x", Map.of()));
        try {
            store.inTransaction(c -> {
                audit.append(c, new AuditEntry(AuditAction.RATED, "service:x", Map.of()));
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // nothing published
        }
        assertThat(heads).singleElement().satisfies(h -> {
            assertThat(h.seq()).isEqualTo(2);
            assertThat(h.signedBy(key)).isTrue();
            assertThat(h).isEqualTo(headFile.read().orElseThrow());
        });
    }

    @Test
    void aRolledBackAppendPublishesNothing() throws Exception {
        openAndAppend(2);
        try {
            store.inTransaction(c -> {
                audit.append(c, new AuditEntry(AuditAction.RATED, "service:x", Map.of()));
                throw new IllegalStateException("the audited change failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(headFile.read().orElseThrow().seq()).isEqualTo(2);
        assertThat(audit.verify().intact()).isTrue();
    }

    // ---------------------------------------------------------------- what an insider may do

    @Test
    void aTamperedFieldIsNamed() throws Exception {
        openAndAppend(5);
        insider("UPDATE audit_log SET details = 'level=1;n=3' WHERE seq = 3");
        assertBroken(audit.verify(), 3, Kind.ALTERED, "altered");
    }

    @Test
    void aDeletedMiddleRecordIsNamed() throws Exception {
        openAndAppend(5);
        insider("DELETE FROM audit_log WHERE seq = 3");
        assertBroken(audit.verify(), 3, Kind.MISSING, "missing");
    }

    @Test
    void anInsertedRecordIsNamed() throws Exception {
        openAndAppend(4);
        // make room after record 2 and slip in a record that names record 2's link, with a link the insider can
        // compute (SHA-256 of the canonical form) marked as keyed
        for (long seq = 4; seq >= 3; seq--) {
            insider("UPDATE audit_log SET seq = " + (seq + 1) + " WHERE seq = " + seq);
        }
        String prev = text("SELECT hash FROM audit_log WHERE seq = 2");
        Instant at = T0.plusMillis(2500);
        String forged = new AuditRecord(3, at, "K-01", "RATED", "service:exit-entry", "level=5", prev, null).computeHash();
        insertRecord(3, at, "RATED", "level=5", prev, forged, AuditRecord.KEYED);
        insider("UPDATE audit_head SET last_seq = 5");
        assertBroken(audit.verify(), 3, Kind.ALTERED, "without the audit key");
    }

    @Test
    void truncatedNewestRecordsAreCaughtByThePublishedHead() throws Exception {
        openAndAppend(5);
        // remove records 4 and 5 and make the database's own head row agree: the chain in the database is consistent
        String link3 = text("SELECT hash FROM audit_log WHERE seq = 3");
        insider("DELETE FROM audit_log WHERE seq >= 4");
        insider("UPDATE audit_head SET last_seq = 3, last_hash = '" + link3 + "'");
        assertThat(audit.verify(Optional.empty()).intact()).isTrue();

        assertBroken(audit.verify(), 4, Kind.TRUNCATED, "removed from the end");
        // a fresh process reading the head file finds the same
        AuditLog fresh = new AuditLog(store, clock, "K-01", key, Optional.of(headFile));
        assertBroken(fresh.verify(), 4, Kind.TRUNCATED, "records from 4 to 5");
    }

    @Test
    void theKioskKeepsTheHeadAsEvidenceWhenTheTrailWasTruncatedBeforeItsNextRecord() throws Exception {
        openAndAppend(5);
        String link3 = text("SELECT hash FROM audit_log WHERE seq = 3");
        insider("DELETE FROM audit_log WHERE seq >= 4");
        insider("UPDATE audit_head SET last_seq = 3, last_hash = '" + link3 + "'");
        // the kiosk restarts and appends: record 4 is written again, but the published head still names record 5
        AuditLog restarted = new AuditLog(store, clock, "K-01", key, Optional.of(headFile));
        restarted.record(new AuditEntry(AuditAction.RATED, "service:x", Map.of()));
        restarted.record(new AuditEntry(AuditAction.RATED, "service:x", Map.of()));
        assertThat(headFile.read().orElseThrow().seq()).isEqualTo(5);
        // records 4 and 5 exist again, but record 5 is not the one the head names
        assertBroken(restarted.verify(), 5, Kind.REWRITTEN, "rewritten");
    }

    @Test
    void aChainRecomputedWithoutTheKeyIsCaught() throws Exception {
        openAndAppend(5);
        // the insider edits record 2 and recomputes every link from there with the public unkeyed algorithm
        insider("UPDATE audit_log SET details = 'level=1;n=2' WHERE seq = 2");
        recomputeUnkeyedFrom(2);
        assertBroken(audit.verify(Optional.empty()), 2, Kind.DOWNGRADED, "recomputed");
    }

    @Test
    void aChainRecomputedWithAGuessedKeyIsCaught() throws Exception {
        openAndAppend(5);
        insider("UPDATE audit_log SET details = 'level=1;n=2' WHERE seq = 2");
        recomputeKeyedFrom(2, AuditKey.ephemeral());
        assertBroken(audit.verify(Optional.empty()), 2, Kind.ALTERED, "without the audit key");
    }

    @Test
    void aWholeChainRecomputedAsUnkeyedIsCaughtByThePublishedHead() throws Exception {
        openAndAppend(4);
        insider("UPDATE audit_log SET details = 'level=1;n=3' WHERE seq = 3");
        recomputeUnkeyedFrom(1);
        // without anything outside the database this looks like a trail from before the audit key …
        assertThat(audit.verify(Optional.empty()).intact()).isTrue();
        // … but the published head says records are keyed from record 1 on
        assertBroken(audit.verify(), 1, Kind.DOWNGRADED, "keyed from 1");
    }

    @Test
    void aForgedHeadIsRefused() throws Exception {
        openAndAppend(3);
        AuditHead real = headFile.read().orElseThrow();
        AuditHead forged = AuditHead.sign(AuditKey.ephemeral(), "K-01", 2, real.link(), 1, real.at());
        assertBroken(audit.verify(Optional.of(forged)), 2, Kind.HEAD_NOT_SIGNED, "not signed with the audit key");
    }

    @Test
    void checkingWithAnotherKeySaysSo() {
        openAndAppend(2);
        AuditLog other = new AuditLog(store, clock, "cli", AuditKey.ephemeral(), Optional.empty());
        assertBroken(other.verify(), 1, Kind.ALTERED, "not the key this trail was written with");
    }

    // ---------------------------------------------------------------- stores from before the audit key

    @Test
    void aTrailFromBeforeTheKeyIsCarriedOnAndStaysProtected() throws Exception {
        // a store at schema version 1 with three unkeyed records, as written before ADR 0064
        Flyway.configure().dataSource(jdbcUrl(), user(), password())
                .locations("classpath:org/openkiosk/app/store/migration").target("1").load().migrate();
        String prev = AuditLog.genesisHash();
        for (int seq = 1; seq <= 3; seq++) {
            Instant at = T0.plusSeconds(seq);
            String link = new AuditRecord(seq, at, "K-01", "BOOKED", "booking:B" + seq, "a=" + seq, prev, null)
                    .computeHash();
            insertRecord(seq, at, "BOOKED", "a=" + seq, prev, link, 0, "booking:B" + seq);
            prev = link;
        }
        insider("UPDATE audit_head SET last_seq = 3, last_hash = '" + prev + "'");

        openAndAppend(2); // migrates to the keyed schema and chains keyed records onto the old ones
        assertThat(query("SELECT COUNT(*) FROM audit_log WHERE link_version = 1")).isEqualTo(3);
        assertThat(audit.verify()).isEqualTo(new AuditVerification(5, Optional.empty()));
        assertThat(headFile.read().orElseThrow().firstKeyed()).isEqualTo(4);

        // rewriting an old record, even with its unkeyed chain recomputed, breaks the first keyed link
        insider("UPDATE audit_log SET details = 'a=9' WHERE seq = 2");
        assertBroken(audit.verify(), 2, Kind.ALTERED, "altered");
        recomputeUnkeyed(2, 3);
        assertBroken(audit.verify(), 4, Kind.MISLINKED, "record 3");
    }

    // ---------------------------------------------------------------- helpers

    static void assertBroken(AuditVerification result, long seq, Kind kind, String words) {
        assertThat(result.firstBroken()).as("verification %s", result).isPresent();
        BrokenLink broken = result.firstBroken().get();
        assertThat(broken.seq()).as(broken.toString()).isEqualTo(seq);
        assertThat(broken.kind()).as(broken.toString()).isEqualTo(kind);
        assertThat(broken.reason()).contains(words);
    }

    void insertRecord(long seq, Instant at, String action, String details, String prev, String link, int version)
            throws Exception {
        insertRecord(seq, at, action, details, prev, link, version, "service:exit-entry");
    }

    /** {@code version} 0: a schema-1 row without the link_version column. */
    void insertRecord(long seq, Instant at, String action, String details, String prev, String link, int version,
                      String subject) throws Exception {
        try (Connection c = insiderConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (seq, recorded_at, kiosk_id, action, subject, details, prev_hash, hash"
                        + (version > 0 ? ", link_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        : ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))) {
            ps.setLong(1, seq);
            ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(3, "K-01");
            ps.setString(4, action);
            ps.setString(5, subject);
            ps.setString(6, details);
            ps.setString(7, prev);
            ps.setString(8, link);
            if (version > 0) {
                ps.setInt(9, version);
            }
            ps.executeUpdate();
        }
    }

    void recomputeUnkeyedFrom(long fromSeq) throws Exception {
        recomputeUnkeyed(fromSeq, Long.MAX_VALUE);
    }

    /** What an insider can do: recompute links with the published unkeyed algorithm and mark them unkeyed. */
    void recomputeUnkeyed(long fromSeq, long toSeq) throws Exception {
        rewriteLinks(fromSeq, toSeq, r -> r.computeHash(), AuditRecord.UNKEYED);
    }

    /** What an insider with a wrong key can do: recompute keyed links. */
    void recomputeKeyedFrom(long fromSeq, AuditKey guessed) throws Exception {
        rewriteLinks(fromSeq, Long.MAX_VALUE, r -> r.computeLink(guessed), AuditRecord.KEYED);
    }

    private void rewriteLinks(long fromSeq, long toSeq, java.util.function.Function<AuditRecord, String> linker,
                              int version) throws Exception {
        try (Connection c = insiderConnection()) {
            List<AuditRecord> records = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT seq, recorded_at, kiosk_id, action, subject, details, prev_hash, hash FROM audit_log"
                            + " ORDER BY seq")) {
                while (rs.next()) {
                    records.add(new AuditRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7).strip(), rs.getString(8).strip(), version));
                }
            }
            String prev = null;
            for (AuditRecord r : records) {
                if (r.seq() < fromSeq || r.seq() > toSeq) {
                    prev = r.hash();
                    continue;
                }
                AuditRecord relinked = new AuditRecord(r.seq(), r.recordedAt(), r.kioskId(), r.action(), r.subject(),
                        r.details(), prev == null ? AuditLog.genesisHash() : prev, null, version);
                String link = linker.apply(relinked);
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE audit_log SET prev_hash = ?, hash = ?, link_version = ? WHERE seq = ?")) {
                    ps.setString(1, relinked.prevHash());
                    ps.setString(2, link);
                    ps.setInt(3, version);
                    ps.setLong(4, r.seq());
                    ps.executeUpdate();
                }
                prev = link;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET last_hash = ? WHERE id = 1")) {
                ps.setString(1, prev);
                ps.executeUpdate();
            }
        }
    }
}
