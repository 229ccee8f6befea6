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
}
