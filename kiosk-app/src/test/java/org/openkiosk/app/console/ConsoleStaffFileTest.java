package org.openkiosk.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.ConfigProblem;
import org.openkiosk.app.config.ConsoleStaffFile;

class ConsoleStaffFileTest {

    private static final String HASH = PasswordHash.hash("a-long-password".toCharArray(), 1000);

    @Test
    void readsTheAccountsAndTheirRoles() throws Exception {
        var accounts = ConsoleStaffFile.parse("console-staff.yaml", """
                staff:
                  - user: wang.fang
                    name: 王芳
                    role: operator
                    passwordHash: "%s"
                  - {user: li.kan, name: 李看, role: viewer, passwordHash: "%s"}
                """.formatted(HASH, HASH));
        assertThat(accounts).extracting(ConsoleStaffFile.StaffAccount::user).containsExactly("wang.fang", "li.kan");
        assertThat(accounts.get(0).operator()).isTrue();
        assertThat(accounts.get(1).operator()).isFalse();
        assertThat(PasswordHash.verify("a-long-password".toCharArray(), accounts.get(0).passwordHash())).isTrue();
        assertThat(PasswordHash.verify("a-long-passwore".toCharArray(), accounts.get(0).passwordHash())).isFalse();
    }

    @Test
    void everyProblemIsNamedWithItsLine() {
        List<ConfigProblem> problems = catchThrowableOfType(() -> ConsoleStaffFile.parse("console-staff.yaml", """
                staff:
                  - user: wang.fang
                    name: 王芳
                    role: admin
                    passwordHash: "%s"
                  - user: wang.fang
                    name: 又一个
                    role: viewer
                    passwordHash: secret
                    pasword: x
                """.formatted(HASH)), ConfigException.class).problems();
        assertThat(problems).extracting(ConfigProblem::toString).containsExactly(
                "console-staff.yaml:4 staff[0].role: unknown value \"admin\" (known: viewer, operator)",
                "console-staff.yaml:6 staff[1].user: user \"wang.fang\" is listed twice (each member of staff once)",
                "console-staff.yaml:9 staff[1].passwordHash: not a PBKDF2 hash (make one with ./kiosk fleet "
                        + "console-password --user NAME)",
                "console-staff.yaml:10 staff[1].pasword: unknown key \"pasword\" (known: name, passwordHash, role, user)");
    }
}
