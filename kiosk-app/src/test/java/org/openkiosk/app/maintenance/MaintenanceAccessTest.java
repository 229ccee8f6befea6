package org.openkiosk.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;

class MaintenanceAccessTest {

    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-11-22T02:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Moving clock = new Moving();
    private final MaintenanceAccess access = new MaintenanceAccess(
            Optional.of(PinHash.create("246810".toCharArray(), PinHash.MIN_ITERATIONS)), clock, new MaintenanceAudit("K-0101"));

    @Test
    void theRightPinOpensAndIsAuditedWithoutThePin() {
        try (AuditCapture audit = new AuditCapture()) {
            char[] pin = "246810".toCharArray();
            assertThat(access.enter(pin)).isInstanceOf(MaintenanceAccess.Attempt.Granted.class);
            assertThat(pin).containsOnly('\0');
            assertThat(access.isOpen()).isTrue();
            access.action("test-receipt", "OK: printed");
            access.exit("exit");
            access.exit("exit");

            assertThat(audit.lines()).containsExactly(
                    "MAINT kiosk=K-0101 enter via=pin",
                    "MAINT kiosk=K-0101 action=test-receipt outcome=OK: printed",
                    "MAINT kiosk=K-0101 exit reason=exit");
            assertThat(String.join("\n", audit.lines())).doesNotContain("246810");
        }
    }

    @Test
    void fiveWrongPinsLockThePadForFiveMinutesEvenForTheRightPin() {
        try (AuditCapture audit = new AuditCapture()) {
            for (int i = 1; i <= 4; i++) {
                assertThat(access.enter("111111".toCharArray()))
                        .isEqualTo(new MaintenanceAccess.Attempt.Refused(5 - i));
            }
            assertThat(access.enter("111111".toCharArray())).isInstanceOf(MaintenanceAccess.Attempt.LockedOut.class);
            assertThat(access.enter("246810".toCharArray()))
                    .isEqualTo(new MaintenanceAccess.Attempt.LockedOut(clock.now.plus(Duration.ofMinutes(5))));
            assertThat(access.isOpen()).isFalse();

            clock.now = clock.now.plus(Duration.ofMinutes(4)).plusSeconds(59);
            assertThat(access.enter("246810".toCharArray())).isInstanceOf(MaintenanceAccess.Attempt.LockedOut.class);
            clock.now = clock.now.plusSeconds(1);
            assertThat(access.lockedUntil()).isEmpty();
            assertThat(access.enter("246810".toCharArray())).isInstanceOf(MaintenanceAccess.Attempt.Granted.class);

            assertThat(audit.lines()).contains("MAINT kiosk=K-0101 pin-refused failures=5/5",
                    "MAINT kiosk=K-0101 locked-out seconds=300", "MAINT kiosk=K-0101 enter via=pin");
        }
    }

    @Test
    void aRightPinResetsTheCountOfWrongOnes() {
        for (int i = 0; i < 4; i++) {
            access.enter("999999".toCharArray());
        }
        assertThat(access.enter("246810".toCharArray())).isInstanceOf(MaintenanceAccess.Attempt.Granted.class);
        assertThat(access.enter("999999".toCharArray())).isEqualTo(new MaintenanceAccess.Attempt.Refused(4));
    }

    @Test
    void withoutAConfiguredHashOnlyTheDemoOpens() throws Exception {
        KioskConfig config = ConfigLoader.parse("kiosk.yaml", """
                kiosk: { id: K-1, hallId: H-1, hallName: { zh: 大厅, en: Hall } }
                """, name -> null);
        assertThat(MaintenanceAccess.of(config, false, clock).enter("000000".toCharArray()))
                .isInstanceOf(MaintenanceAccess.Attempt.NotConfigured.class);
        assertThat(MaintenanceAccess.of(config, true, clock).enter(MaintenanceAccess.DEMO_PIN.toCharArray()))
                .isInstanceOf(MaintenanceAccess.Attempt.Granted.class);
    }

    @Test
    void theConfiguredHashComesFromKioskYamlAndABadOneIsAConfigurationProblem() throws Exception {
        String hash = PinHash.create("135790".toCharArray(), PinHash.MIN_ITERATIONS).encoded();
        KioskConfig config = ConfigLoader.parse("kiosk.yaml", """
                kiosk: { id: K-1, hallId: H-1, hallName: { zh: 大厅, en: Hall } }
                maintenance:
                  pinHash: "%s"
                """.formatted(hash), name -> null);
        assertThat(MaintenanceAccess.of(config, false, clock).enter("135790".toCharArray()))
                .isInstanceOf(MaintenanceAccess.Attempt.Granted.class);

        org.openkiosk.app.config.ConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> ConfigLoader.parse("kiosk.yaml", """
                        kiosk: { id: K-1, hallId: H-1, hallName: { zh: 大厅, en: Hall } }
                        maintenance:
                          pinHash: "123456"
                          pin: 123456
                        """, name -> null), org.openkiosk.app.config.ConfigException.class);
        assertThat(e.problems()).extracting(Object::toString).anySatisfy(p -> assertThat(p)
                .contains("maintenance.pinHash").contains("hash-pin"));
        assertThat(e.problems()).extracting(Object::toString).anySatisfy(p -> assertThat(p).contains("maintenance.pin"));
    }
}
