package org.openkiosk.app.cli.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.cli.KioskCommand;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.maintenance.MaintenanceAccess;
import org.openkiosk.app.maintenance.PinHash;
import picocli.CommandLine;

class MaintenanceCommandsTest {

    private static final String FULL_ID = "11010519491231002X";

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = KioskCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @AfterEach
    void restoreStdin() {
        MaintenanceCommand.HashPin.input = System.in;
    }

    @Test
    void hashPinPrintsAPinHashTheConfigurationAcceptsAndThatVerifiesThePin() throws Exception {
        MaintenanceCommand.HashPin.input = new ByteArrayInputStream("572914\n".getBytes(StandardCharsets.UTF_8));
        Run run = run("maintenance", "hash-pin");

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("maintenance:").doesNotContain("572914");
        var config = ConfigLoader.parse("kiosk.yaml", "kiosk: { id: K-1, hallId: H-1, hallName: { zh: 大厅, en: Hall } }\n"
                + run.out(), n -> null);
        MaintenanceAccess access = MaintenanceAccess.of(config, false, java.time.Clock.systemUTC());
        assertThat(access.enter("572914".toCharArray())).isInstanceOf(MaintenanceAccess.Attempt.Granted.class);
        assertThat(PinHash.parse(config.maintenance().pinHash().orElseThrow()).iterations())
                .isEqualTo(PinHash.DEFAULT_ITERATIONS);
    }

    @Test
    void hashPinRefusesAShortOrMissingPin() {
        MaintenanceCommand.HashPin.input = new ByteArrayInputStream("1234\n".getBytes(StandardCharsets.UTF_8));
        Run shortPin = run("maintenance", "hash-pin");
        assertThat(shortPin.code()).isEqualTo(2);
        assertThat(shortPin.err()).contains("6 to 12 digits");

        MaintenanceCommand.HashPin.input = new ByteArrayInputStream(new byte[0]);
        Run none = run("maintenance", "hash-pin");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no PIN on stdin");
    }

    @Test
    void theDiagnosticsBundleHoldsTheFactsAndNoSecretOrIdNumber() throws Exception {
        Path config = copyOfRepositoryConfig(tmp.resolve("config"));
        String hash = PinHash.create("864209".toCharArray(), PinHash.MIN_ITERATIONS).encoded();
        Files.writeString(config.resolve("kiosk.yaml"), Files.readString(config.resolve("kiosk.yaml"))
                .replace("type: embedded ", "type: embedded\n  password: store-pass-4711 ")
                + "\nmaintenance:\n  pinHash: \"" + hash + "\"\n", StandardCharsets.UTF_8);
        Path data = tmp.resolve("data");
        Path logs = Files.createDirectories(data.resolve("logs"));
        List<String> log = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            log.add("2026-11-22 02:00:" + String.format("%02d", i) + " INFO line " + i);
        }
        log.add("2026-11-22 02:01:00 WARN an old unmasked line with " + FULL_ID);
        log.add("2026-11-22 02:01:01 WARN platform https://ops:url-pass-3141@platform.example/kiosk?access_token=tok-2718&hall=H-1 slow");
        Files.write(logs.resolve("kiosk.log"), log, StandardCharsets.UTF_8, StandardOpenOption.CREATE);
        Path out = tmp.resolve("bundle.zip");

        Run run = run("diagnostics", "export", "--config", config.toString(), "--data", data.toString(),
                "--out", out.toString(), "--log-lines", "10");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(out.toAbsolutePath().toString());
        Map<String, String> entries = entries(out);
        assertThat(entries.keySet()).contains("versions.txt", "doctor.txt", "devices.txt", "config/kiosk.yaml",
                "config/certificate-signing.yaml", "logs/kiosk.log.tail", "audit-verification.txt", "README.txt",
                "service-state.txt");
        assertThat(entries.keySet()).noneMatch(n -> n.endsWith(".pem"));
        String all = String.join("\n", entries.values());
        assertThat(all).doesNotContain(FULL_ID, "store-pass-4711", hash, "PRIVATE KEY", "url-pass-3141", "ops:",
                "tok-2718");
        assertThat(entries.get("logs/kiosk.log.tail")).contains("https://<removed>@platform.example/kiosk?access_token=<removed>&hall=H-1");
        assertThat(entries.get("config/kiosk.yaml")).contains("K-0101", "<removed>");
        assertThat(entries.get("logs/kiosk.log.tail").lines().filter(l -> !l.startsWith("#")).count()).isEqualTo(10);
        assertThat(entries.get("logs/kiosk.log.tail")).contains("line 29").doesNotContain("line 20\n");
        assertThat(entries.get("doctor.txt")).contains("PASS configuration");
        assertThat(entries.get("devices.txt")).contains("receiptPrinter: driver escpos");
        assertThat(entries.get("audit-verification.txt")).startsWith("could not be checked: no embedded store under");
        assertThat(data.resolve("kiosk-store.mv.db")).doesNotExist();
        assertThat(entries.get("versions.txt")).contains("Java ", "K-0101");
    }

    @Test
    void withoutOutTheBundleGoesUnderTheDataDirectory() throws Exception {
        Path config = copyOfRepositoryConfig(tmp.resolve("config"));
        Path data = tmp.resolve("data");
        org.openkiosk.app.store.Stores.open(new org.openkiosk.app.config.StoreConfig("embedded", null, null, null), data)
                .close(); // the kiosk created its store earlier
        org.openkiosk.app.service.audit.AuditKey.loadOrGenerate(data.toAbsolutePath().resolve("audit.key")); // and its audit key
        Run run = run("diagnostics", "export", "--config", config.toString(), "--data", data.toString());
        assertThat(run.code()).as(run.err()).isZero();
        Path written = Path.of(run.out().strip());
        assertThat(written.getParent()).isEqualTo(data.toAbsolutePath().resolve("diagnostics"));
        assertThat(written.getFileName().toString()).matches("diagnostics-K-0101-\\d{8}-\\d{6}\\.zip");
        try (Stream<Path> files = Files.list(written.getParent())) {
            assertThat(files).containsExactly(written); // no temporary file left
        }
        assertThat(entries(written).get("audit-verification.txt")).isEqualTo("audit trail intact: 0 records verified\n");
    }

    static Map<String, String> entries(Path zip) throws IOException {
        Map<String, String> entries = new HashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(file.entries())) {
                entries.put(e.getName(), new String(file.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    static Path copyOfRepositoryConfig(Path target) throws IOException {
        Path source = Paths.get("..", "config").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }
}
