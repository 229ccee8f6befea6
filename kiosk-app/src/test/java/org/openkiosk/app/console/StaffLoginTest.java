package org.openkiosk.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.config.ConsoleStaffFile;
import org.openkiosk.app.config.ConsoleStaffFile.StaffAccount;
import org.openkiosk.app.ui.testing.MutableClock;

class StaffLoginTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);
    private final StaffLogin login = new StaffLogin(List.of(new StaffAccount("wang.fang", "王芳",
            ConsoleStaffFile.OPERATOR, PasswordHash.hash("right-password".toCharArray(), 1000))), clock);

    @Test
    void theRightPasswordLogsInAndAWrongOneOrAnUnknownUserIsRefusedAlike() {
        assertThat(login.login("wang.fang", "right-password".toCharArray())).isInstanceOf(StaffLogin.Outcome.LoggedIn.class);
        assertThat(login.login("Wang.Fang ", "right-password".toCharArray())).isInstanceOf(StaffLogin.Outcome.LoggedIn.class);
        assertThat(login.login("wang.fang", "wrong".toCharArray())).isInstanceOf(StaffLogin.Outcome.Refused.class);
        assertThat(login.login("nobody", "right-password".toCharArray())).isInstanceOf(StaffLogin.Outcome.Refused.class);
    }

    @Test
    void fiveFailuresLockTheUserFor15MinutesEvenWithTheRightPassword() {
        for (int i = 1; i < StaffLogin.MAX_FAILURES; i++) {
            assertThat(login.login("wang.fang", ("wrong" + i).toCharArray())).isInstanceOf(StaffLogin.Outcome.Refused.class);
        }
        assertThat(login.login("wang.fang", "wrong5".toCharArray())).isInstanceOf(StaffLogin.Outcome.LockedOut.class);
        assertThat(login.login("wang.fang", "right-password".toCharArray())).isInstanceOf(StaffLogin.Outcome.LockedOut.class);
        clock.advance(StaffLogin.LOCK_OUT.minus(Duration.ofSeconds(1)));
        assertThat(login.login("wang.fang", "right-password".toCharArray())).isInstanceOf(StaffLogin.Outcome.LockedOut.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(login.login("wang.fang", "right-password".toCharArray())).isInstanceOf(StaffLogin.Outcome.LoggedIn.class);
    }

    @TempDir
    Path tmp;

    @Test
    void aLockOutAndTheFailureCountSurviveARestartOfTheConsole() throws Exception {
        Path state = tmp.resolve(OperatorConsole.StateFiles.LOCK_OUT_FILE);
        List<StaffAccount> staff = List.of(new StaffAccount("wang.fang", "王芳", ConsoleStaffFile.OPERATOR,
                PasswordHash.hash("right-password".toCharArray(), 1000)), new StaffAccount("li.na", "李娜",
                ConsoleStaffFile.OPERATOR, PasswordHash.hash("li-password".toCharArray(), 1000)));
        StaffLogin before = new StaffLogin(staff, clock, Optional.of(state));
        for (int i = 0; i < StaffLogin.MAX_FAILURES; i++) {
            before.login("wang.fang", ("wrong" + i).toCharArray());
        }
        before.login("li.na", "wrong".toCharArray());
        before.login("li.na", "wrong".toCharArray());
        assertThat(Files.readString(state)).contains("wang.fang").doesNotContain("right-password");

        StaffLogin restarted = new StaffLogin(staff, clock, Optional.of(state));
        assertThat(restarted.login("wang.fang", "right-password".toCharArray()))
                .isInstanceOf(StaffLogin.Outcome.LockedOut.class);
        for (int i = 3; i < StaffLogin.MAX_FAILURES; i++) { // two failures were counted before the restart
            assertThat(restarted.login("li.na", "wrong".toCharArray())).isInstanceOf(StaffLogin.Outcome.Refused.class);
        }
        assertThat(restarted.login("li.na", "wrong".toCharArray())).isInstanceOf(StaffLogin.Outcome.LockedOut.class);

        clock.advance(StaffLogin.LOCK_OUT);
        StaffLogin later = new StaffLogin(staff, clock, Optional.of(state));
        assertThat(later.login("wang.fang", "right-password".toCharArray())).isInstanceOf(StaffLogin.Outcome.LoggedIn.class);
        assertThat(Files.readString(state)).doesNotContain("wang.fang");
    }

    @Test
    void sessionsEndWhenIdleAndTheirCsrfTokenIsTheirOwn() {
        StaffSessions sessions = new StaffSessions(clock);
        var staff = new StaffAccount("wang.fang", "王芳", ConsoleStaffFile.OPERATOR, "x");
        var a = sessions.start(staff);
        var b = sessions.start(staff);
        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(a.csrfMatches(a.csrfToken())).isTrue();
        assertThat(a.csrfMatches(b.csrfToken())).isFalse();
        assertThat(a.csrfMatches(null)).isFalse();
        clock.advance(StaffSessions.IDLE.minusSeconds(1));
        assertThat(sessions.find(a.id())).isPresent();
        clock.advance(StaffSessions.IDLE.plusSeconds(1));
        assertThat(sessions.find(a.id())).isEmpty();
    }
}
