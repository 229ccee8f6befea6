package org.openkiosk.app.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.idcard.IdNumber;

class CitizenSessionTest {

    private static final String ID = "11010519491231002X";
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T01:00:00Z"), ZoneOffset.UTC);

    @Test
    void wipeZeroesTheOwnedPhotoAndScansAndForgetsEverything() throws Exception {
        CitizenSession session = new CitizenSession(IdentificationMethod.ID_CARD, IdNumber.parse(ID), clock.instant());
        byte[] photo = {1, 2, 3, 4};
        byte[] scan = {9, 9, 9};
        session.setName("测试");
        session.setPhoto(photo);
        session.addScan(scan);
        session.choose("service", "CERTIFICATE_PRINTING");

        assertThat(session.photo()).hasValueSatisfying(p -> assertThat(p).containsExactly(1, 2, 3, 4));
        assertThat(session.scan(0)).containsExactly(9, 9, 9);

        session.wipe();

        assertThat(photo).containsOnly(0);
        assertThat(scan).containsOnly(0);
        assertThat(session.isWiped()).isTrue();
        assertThatThrownBy(session::idNumber).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(session::name).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(session::choices).isInstanceOf(IllegalStateException.class);
        assertThat(session.toString()).doesNotContain("1101").contains("wiped");
    }

    @Test
    void readersGetCopiesSoTheyCannotKeepTheSessionsBytes() throws Exception {
        CitizenSession session = new CitizenSession(IdentificationMethod.ID_CARD, IdNumber.parse(ID), clock.instant());
        session.setPhoto(new byte[] {5, 6});
        byte[] copy = session.photo().orElseThrow();
        copy[0] = 42;
        assertThat(session.photo().orElseThrow()).containsExactly(5, 6);
    }

    @Test
    void replacingThePhotoZeroesTheOldOne() throws Exception {
        CitizenSession session = new CitizenSession(IdentificationMethod.ID_CARD, IdNumber.parse(ID), clock.instant());
        byte[] first = {7, 7};
        session.setPhoto(first);
        session.setPhoto(new byte[] {8});
        assertThat(first).containsOnly(0);
    }

    @Test
    void toStringNeverHoldsTheFullNumberOrName() throws Exception {
        CitizenSession session = new CitizenSession(IdentificationMethod.TYPED_NUMBER, IdNumber.parse(ID), clock.instant());
        session.setName("测试");
        assertThat(session.toString()).doesNotContain(ID).doesNotContain("测试").contains("1101**********002X");
    }

    @Test
    void holderKeepsOneSessionAtATimeAndWipesTheOldOne() throws Exception {
        SessionHolder holder = new SessionHolder(clock);
        CitizenSession first = holder.start(IdentificationMethod.ID_CARD, IdNumber.parse(ID));
        CitizenSession second = holder.start(IdentificationMethod.QR_CODE, IdNumber.parse(ID));
        assertThat(first.isWiped()).isTrue();
        assertThat(holder.current()).containsSame(second);
        assertThat(second.startedAt()).isEqualTo(clock.instant());

        holder.end();
        assertThat(second.isWiped()).isTrue();
        assertThat(holder.current()).isEmpty();
        assertThat(holder.isActive()).isFalse();
    }
}
