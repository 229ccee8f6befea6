package org.openkiosk.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.cli.KioskCommand;
import org.openkiosk.app.service.audit.AuditVerification;
import org.openkiosk.app.ui.testing.MutableClock;

/** The console's audit log as a chain (ADR 0153): kept across restarts, and every kind of tampering named. */
class ConsoleAuditTest {

    @TempDir
    Path tmp;
    Path file;
    Path key;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00.123456Z"), ZoneOffset.UTC);

    @BeforeEach
    void threeLinesThenARestartThenTwoMore() {
        file = tmp.resolve("console-audit.jsonl");
        key = ConsoleAudit.defaultKeyFile(file);
        ConsoleAudit audit = new ConsoleAudit(file, key, clock);
        audit.record("wang.fang", "王芳", "login", Map.of("role", "operator"));
        audit.record("wang.fang", "王芳", "command", Map.of("target", "r1/H-3101/K-A1", "command", "out-of-service"));
        audit.record("li.na", "", "login-refused", Map.of());
        ConsoleAudit restarted = new ConsoleAudit(file, key, clock);
        restarted.record("wang.fang", "王芳", "logout", Map.of());
        restarted.record("zhao", "", "login-locked-out", Map.of("until", "2026-12-02T08:15:00Z"));
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private void write(List<String> lines) throws Exception {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    @Test
    void anUntouchedLogIsIntactAcrossARestart() throws Exception {
        ConsoleAudit.Verification verification = ConsoleAudit.verify(file, key);
        assertThat(verification.legacyLines()).isZero();
        AuditVerification result = verification.chain();
        assertThat(result.intact()).as(result.toString()).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(5);
        assertThat(lines().get(3)).contains("\"seq\":4").contains("\"name\":\"王芳\"").contains("\"action\":\"logout\"");
        assertThat(Files.exists(tmp.resolve("console-audit.jsonl.head"))).isTrue();
    }

    @Test
    void anEditedNameIsFoundAtItsLine() throws Exception {
        List<String> lines = lines();
        lines.set(1, lines.get(1).replace("王芳", "李四"));
        write(lines);
        assertThat(broken()).satisfies(b -> {
            assertThat(b.seq()).isEqualTo(2);
            assertThat(b.kind()).isEqualTo(AuditVerification.Kind.ALTERED);
        });
    }

    @Test
    void aRemovedLineIsFound() throws Exception {
        List<String> lines = lines();
        lines.remove(2);
        write(lines);
        assertThat(broken().seq()).isEqualTo(3);
        assertThat(broken().kind()).isEqualTo(AuditVerification.Kind.MISSING);
    }

    @Test
    void aCutOffEndIsFoundThroughTheSignedHead() throws Exception {
        List<String> lines = lines();
        write(lines.subList(0, lines.size() - 1));
        assertThat(broken().seq()).isEqualTo(5);
        assertThat(broken().kind()).isEqualTo(AuditVerification.Kind.TRUNCATED);
    }

    @Test
    void theCommandLineSaysIntactOrNamesTheBrokenLine() throws Exception {
        assertThat(run()).isZero();
        List<String> lines = lines();
        lines.set(4, lines.get(4).replace("login-locked-out", "login"));
        write(lines);
        StringWriter err = new StringWriter();
        assertThat(run(err)).isEqualTo(1);
        assertThat(err.toString()).contains("BROKEN at line 5");
    }

    private int run() {
        return run(new StringWriter());
    }

    private int run(StringWriter err) {
        var cli = KioskCommand.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("fleet", "console-audit", "--audit", file.toString());
    }

    private AuditVerification.BrokenLink broken() throws Exception {
        ConsoleAudit.Verification verification = ConsoleAudit.verify(file, key);
        assertThat(verification.legacyLines()).isZero();
        AuditVerification result = verification.chain();
        assertThat(result.intact()).isFalse();
        return result.firstBroken().orElseThrow();
    }
}
