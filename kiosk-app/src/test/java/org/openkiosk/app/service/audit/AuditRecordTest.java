package org.openkiosk.app.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

    static final Instant AT = Instant.parse("2026-11-22T02:00:00.123Z");

    @Test
    void hashIsStableAndCoversEveryField() {
        AuditRecord base = new AuditRecord(7, AT, "K-01", "BOOKED", "booking:ABCDEFGH", "a=1", "0".repeat(64), null);
        String hash = base.computeHash();
        assertThat(hash).hasSize(64).isEqualTo(base.computeHash());
        assertThat(new AuditRecord(8, AT, "K-01", "BOOKED", "booking:ABCDEFGH", "a=1", "0".repeat(64), null)
                .computeHash()).isNotEqualTo(hash);
        assertThat(new AuditRecord(7, AT.plusMillis(1), "K-01", "BOOKED", "booking:ABCDEFGH", "a=1", "0".repeat(64),
                null).computeHash()).isNotEqualTo(hash);
        assertThat(new AuditRecord(7, AT, "K-01", "BOOKED", "booking:ABCDEFGH", "a=2", "0".repeat(64), null)
                .computeHash()).isNotEqualTo(hash);
        assertThat(new AuditRecord(7, AT, "K-01", "BOOKED", "booking:ABCDEFGH", "a=1", "1".repeat(64), null)
                .computeHash()).isNotEqualTo(hash);
    }

    @Test
    void lengthPrefixesKeepShiftedFieldsApart() {
        String a = new AuditRecord(1, AT, "K-01", "RATED", "x", "y", "0".repeat(64), null).computeHash();
        String b = new AuditRecord(1, AT, "K-01", "RATED", "x\ndetails=1:y", "", "0".repeat(64), null).computeHash();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void detailsAreCanonicalWhateverTheMapOrder() {
        AuditEntry one = new AuditEntry(AuditAction.RATED, "s", Map.of("b", "2", "a", "1;x"));
        assertThat(one.detailsText()).isEqualTo("a=1\\;x;b=2");
    }

    @Test
    void detailsReadBackWhateverTheyContain() {
        AuditEntry entry = new AuditEntry(AuditAction.MAINTENANCE_ACTION, "s",
                Map.of("outcome", "FAILED: a=b; c\\d", "empty", "", "holder", "1101**********002X"));
        assertThat(AuditEntry.parseDetails(entry.detailsText())).isEqualTo(entry.details());
    }

    @Test
    void aKeyedLinkDependsOnTheKeyAndDiffersFromTheUnkeyedOne() {
        AuditKey key = AuditKey.ephemeral();
        AuditRecord keyed = new AuditRecord(7, AT, "K-01", "RATED", "s", "a=1", "0".repeat(64), null, AuditRecord.KEYED);
        assertThat(keyed.computeLink(key)).hasSize(64).isEqualTo(keyed.computeLink(key))
                .isNotEqualTo(keyed.computeLink(AuditKey.ephemeral())).isNotEqualTo(keyed.computeHash());
    }

    @Test
    void aHeadSurvivesItsTextAndAnyEditedFieldLosesTheSignature() {
        AuditKey key = AuditKey.ephemeral();
        AuditHead head = AuditHead.sign(key, "K-01", 42, "ab".repeat(32), 3, AT);
        AuditHead read = AuditHead.parse(head.text());
        assertThat(read).isEqualTo(head);
        assertThat(read.signedBy(key)).isTrue();
        assertThat(AuditHead.parse(head.text().replace("seq=42", "seq=41")).signedBy(key)).isFalse();
        assertThat(AuditHead.parse(head.text().replace("firstKeyed=3", "firstKeyed=9")).signedBy(key)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditHead.parse("seq=1"))
                .hasMessageContaining("not an audit head");
    }
}
