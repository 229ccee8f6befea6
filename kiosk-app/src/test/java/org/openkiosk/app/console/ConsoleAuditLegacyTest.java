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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.cli.KioskCommand;
import org.openkiosk.app.service.audit.AuditVerification;
import org.openkiosk.app.ui.testing.MutableClock;

/**
 * A console audit log begun before the console linked its lines (ADR 0196): its legacy lines are named as legacy,
 * unlinked and never counted as verified (exit 3); the lines linked after them are checked as any chain; a linked
 * file made to look legacy is broken.
 */
class ConsoleAuditLegacyTest {

    /** Three lines exactly as the console wrote them before the chain (commit 82be8e1). */
    static final List<String> LEGACY = List.of(
            "{\"at\":\"2026-11-30T08:00:00Z\",\"user\":\"wang.fang\",\"name\":\"王芳\",\"action\":\"login\",\"details\":{\"role\":\"operator\"}}",
            "{\"at\":\"2026-11-30T08:01:00Z\",\"user\":\"wang.fang\",\"name\":\"王芳\",\"action\":\"command\",\"details\":{\"target\":\"r1/H-3101/K-A1\",\"command\":\"ping\"}}",
            "{\"at\":\"2026-11-30T08:02:00Z\",\"user\":\"li.na\",\"name\":\"\",\"action\":\"login-refused\",\"details\":{}}");

    @TempDir
    Path tmp;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00.123Z"), ZoneOffset.UTC);

    private Path file() {
        return tmp.resolve("console-audit.jsonl");
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(file(), StandardCharsets.UTF_8));
    }

    @Test
    void aLogWrittenBeforeTheChainIsLegacyUnlinkedNotIntactAndNotBrokenAtLineOne() throws Exception {
        Files.write(file(), LEGACY, StandardCharsets.UTF_8);

        Run run = run();

        assertThat(run.exit()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).contains("line(s) 1–3 (3) are legacy, unlinked", "nothing proves they are unchanged",
                "the 0 linked line(s) after them verified").doesNotContain("intact");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theLegacyRangeNamesLineNumbersWithBlankLinesAmongThem() throws Exception {
        Files.write(file(), List.of(LEGACY.get(0), "", LEGACY.get(1), "", LEGACY.get(2)), StandardCharsets.UTF_8);
        Path key = ConsoleAudit.defaultKeyFile(file());
        new ConsoleAudit(file(), key, clock).record("wang.fang", "王芳", "logout", Map.of());

        ConsoleAudit.Verification v = ConsoleAudit.verify(file(), key);
        assertThat(v.legacyLines()).isEqualTo(3);
        assertThat(v.lastLegacyLine()).isEqualTo(5);
        assertThat(v.chain().intact()).as(v.toString()).isTrue();
        Run run = run();
        assertThat(run.exit()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).contains("line(s) 1–5 (3) are legacy, unlinked", "the 1 linked line(s) after them verified");
    }

    @Test
    void theConsoleContinuesALegacyLogAndTheLinesAfterTheLegacyOnesAreChecked() throws Exception {
        Files.write(file(), LEGACY, StandardCharsets.UTF_8);
        Path key = ConsoleAudit.defaultKeyFile(file());
        ConsoleAudit audit = new ConsoleAudit(file(), key, clock);
        audit.record("wang.fang", "王芳", "logout", Map.of());
        new ConsoleAudit(file(), key, clock).record("zhao", "", "login", Map.of("role", "viewer"));

        ConsoleAudit.Verification v = ConsoleAudit.verify(file(), key);
        assertThat(v.legacyLines()).isEqualTo(3);
        assertThat(v.chain().intact()).as(v.toString()).isTrue();
        assertThat(v.chain().recordsChecked()).isEqualTo(2);
        assertThat(lines().get(3)).contains("\"seq\":4");
        Run run = run();
        assertThat(run.exit()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).contains("1–3 (3) are legacy, unlinked", "the 2 linked line(s) after them verified");

        // a linked line after the legacy ones edited: broken at its line, the legacy lines still said
        List<String> lines = lines();
        lines.set(4, lines.get(4).replace("viewer", "operator"));
        Files.write(file(), lines, StandardCharsets.UTF_8);
        Run edited = run();
        assertThat(edited.exit()).isEqualTo(1);
        assertThat(edited.err()).contains("BROKEN at line 5 (ALTERED)", "1–3 (3) are legacy, unlinked");
    }

    @Test
    void aLinkedLogMadeToLookLegacyIsBroken() throws Exception {
        Path key = ConsoleAudit.defaultKeyFile(file());
        ConsoleAudit audit = new ConsoleAudit(file(), key, clock);
        audit.record("wang.fang", "王芳", "login", Map.of("role", "operator"));
        audit.record("wang.fang", "王芳", "command", Map.of("command", "out-of-service"));
        audit.record("wang.fang", "王芳", "logout", Map.of());
        assertThat(run().exit()).isZero();

        // the first line edited and its chain fields removed, so that it would pass as legacy
        List<String> lines = lines();
        lines.set(0, LEGACY.get(0).replace("operator", "admin"));
        Files.write(file(), lines, StandardCharsets.UTF_8);
        Run stripped = run();
        assertThat(stripped.exit()).isEqualTo(1);
        assertThat(stripped.err()).contains("BROKEN at line 2 (MISLINKED)");

        // every line stripped: the signed head beside the log still names line 3 and its link, which is gone
        List<String> all = new ArrayList<>(LEGACY);
        Files.write(file(), all, StandardCharsets.UTF_8);
        ConsoleAudit.Verification all3 = ConsoleAudit.verify(file(), key);
        assertThat(all3.legacyLines()).isEqualTo(3);
        AuditVerification v = all3.chain();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken().orElseThrow().kind()).isEqualTo(AuditVerification.Kind.REWRITTEN);
        assertThat(v.firstBroken().orElseThrow().seq()).isEqualTo(3);
        assertThat(run().exit()).isEqualTo(1);

        // an old-form line after linked ones is no legacy line: it breaks the chain where it stands
        Files.delete(file());
        ConsoleAudit fresh = new ConsoleAudit(file(), key, clock);
        fresh.record("wang.fang", "王芳", "login", Map.of());
        List<String> appended = lines();
        appended.add(LEGACY.get(2));
        Files.write(file(), appended, StandardCharsets.UTF_8);
        Run inserted = run();
        assertThat(inserted.exit()).isEqualTo(1);
        assertThat(inserted.err()).contains("BROKEN at line 2");
    }

    record Run(int exit, String out, String err) {}

    private Run run() {
        var cli = KioskCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("fleet", "console-audit", "--audit", file().toString());
        return new Run(exit, out.toString(), err.toString());
    }
}
