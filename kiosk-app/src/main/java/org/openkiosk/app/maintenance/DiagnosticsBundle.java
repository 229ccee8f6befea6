package org.openkiosk.app.maintenance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.openkiosk.app.doctor.CheckResult;
import org.openkiosk.app.doctor.Doctor;
import org.openkiosk.app.logging.KioskLogging;
import org.openkiosk.app.logging.LogMasker;
import org.openkiosk.app.service.audit.AuditVerification;

/**
 * A zip a technician hands to support: versions, the doctor's checks, the devices (with statistics when taken from
 * the running kiosk), the configuration's YAML files with secrets removed, the last lines of {@code kiosk.log}
 * (masked) and the audit chain's verification. Nothing personal: no citizen records, no audit entries, no key files,
 * no photos. Written to a temporary file and renamed, so a half-written bundle never exists under its name.
 */
public final class DiagnosticsBundle {

    public static final String DIRECTORY = "diagnostics";
    public static final int DEFAULT_LOG_LINES = 500;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path configDir;
    private final Path dataDir;
    private final Clock clock;
    private String kioskId = "kiosk";
    private Supplier<String> deviceReport = () -> "no device report\n";
    private Supplier<AuditVerification> auditCheck;
    private Supplier<String> serviceState = () -> "unknown (exported outside the running kiosk)\n";
    private int logLines = DEFAULT_LOG_LINES;
    private Supplier<List<CheckResult>> doctor;

    public DiagnosticsBundle(Path configDir, Path dataDir, Clock clock) {
        this.configDir = Objects.requireNonNull(configDir, "configDir");
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.doctor = () -> new Doctor(System::getenv).run(configDir, dataDir);
    }

    public DiagnosticsBundle kioskId(String id) {
        this.kioskId = id == null || !id.matches("[A-Za-z0-9._-]{1,32}") ? "kiosk" : id;
        return this;
    }

    public DiagnosticsBundle deviceReport(Supplier<String> report) {
        this.deviceReport = Objects.requireNonNull(report);
        return this;
    }

    public DiagnosticsBundle auditCheck(Supplier<AuditVerification> check) {
        this.auditCheck = check;
        return this;
    }

    public DiagnosticsBundle serviceState(ServiceState state) {
        this.serviceState = () -> state.outOfService()
                .map(o -> "out of service (" + ServiceState.CODE + ") since " + o.since() + ": " + o.reason() + "\n")
                .orElse("in service\n");
        return this;
    }

    public DiagnosticsBundle logLines(int lines) {
        if (lines < 0) {
            throw new IllegalArgumentException("log lines must not be negative, got " + lines);
        }
        this.logLines = lines;
        return this;
    }

    public DiagnosticsBundle doctor(Supplier<List<CheckResult>> checks) {
        this.doctor = Objects.requireNonNull(checks);
        return this;
    }

    /** {@code DATA/diagnostics/diagnostics-KIOSK-yyyyMMdd-HHmmss.zip}. */
    public Path defaultTarget() {
        String stamp = STAMP.format(clock.instant().atZone(ZoneId.systemDefault()));
        return dataDir.resolve(DIRECTORY).resolve("diagnostics-" + kioskId + "-" + stamp + ".zip");
    }

    /** Writes the bundle to {@code target} (or {@link #defaultTarget()}); blocks for the doctor's checks. */
    public Path export(Optional<Path> target) throws IOException {
        Path out = target.orElseGet(this::defaultTarget).toAbsolutePath().normalize();
        Files.createDirectories(out.getParent());
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        entries.put("versions.txt", versions());
        entries.put("service-state.txt", serviceState.get());
        entries.put("doctor.txt", doctorReport());
        entries.put("devices.txt", safely(deviceReport));
        configFiles().forEach((name, text) -> entries.put("config/" + name, text));
        entries.put("logs/kiosk.log.tail", logTail());
        entries.put("audit-verification.txt", auditReport());
        entries.put("README.txt", readme(entries.keySet()));
        Path temporary = Files.createTempFile(out.getParent(), ".diagnostics-", ".zip.part");
        try {
            try (OutputStream file = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(file)) {
                for (Map.Entry<String, String> entry : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey()));
                    // URLs anywhere (device reports, doctor, log tail) may carry a password or token
                    zip.write(UrlSecrets.strip(entry.getValue()).getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return out;
    }

    private String versions() {
        String version = DiagnosticsBundle.class.getPackage().getImplementationVersion();
        return "kiosk " + (version == null ? "0.1.0-SNAPSHOT (development)" : version) + "\n"
                + "kiosk id " + kioskId + "\n"
                + "exported " + clock.instant() + "\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")\n"
                + "OS " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + "\n"
                + "processors " + Runtime.getRuntime().availableProcessors() + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB\n";
    }

    private String doctorReport() {
        StringBuilder sb = new StringBuilder();
        try {
            for (CheckResult check : doctor.get()) {
                sb.append(check.passed() ? "PASS " : check.required() ? "FAIL " : "WARN ")
                        .append(check.label()).append(": ").append(LogMasker.mask(check.detail())).append('\n');
                check.notes().forEach(n -> sb.append("     ").append(LogMasker.mask(n)).append('\n'));
            }
        } catch (RuntimeException e) {
            sb.append("the checks failed: ").append(e).append('\n');
        }
        return sb.toString();
    }

    /** Top-level YAML files of the configuration directory only: key files and templates' assets are never copied. */
    private Map<String, String> configFiles() {
        Map<String, String> files = new TreeMap<>();
        ConfigSanitizer sanitizer = new ConfigSanitizer();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(configDir, "*.{yaml,yml}")) {
            for (Path file : dir) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                String name = file.getFileName().toString();
                try {
                    files.put(name, sanitizer.sanitize(name, Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    files.put(name, "# " + name + " could not be read: " + e.getMessage() + "\n");
                }
            }
        } catch (IOException e) {
            files.put("UNREADABLE.txt", "the configuration directory " + configDir + " could not be listed: " + e + "\n");
        }
        return files;
    }

    private String logTail() {
        Path log = KioskLogging.logDirectory(dataDir).resolve("kiosk.log");
        try {
            List<String> lines = LogTail.read(log, logLines);
            if (lines.isEmpty()) {
                return "# no lines in " + log + "\n";
            }
            return "# the last " + lines.size() + " lines of " + log + " (masked)\n" + String.join("\n", lines) + "\n";
        } catch (IOException e) {
            return "# " + log + " could not be read: " + e + "\n";
        }
    }

    private String auditReport() {
        if (auditCheck == null) {
            return "not checked (no store)\n";
        }
        try {
            AuditVerification result = auditCheck.get();
            return result.intact()
                    ? "audit trail intact: " + result.recordsChecked() + " records verified\n"
                    : "audit trail BROKEN at record " + result.firstBroken().orElseThrow().seq() + " ("
                            + result.firstBroken().orElseThrow().kind() + "): "
                            + result.firstBroken().orElseThrow().reason() + "\n";
        } catch (RuntimeException e) {
            return "could not be checked: " + LogMasker.mask(String.valueOf(e.getMessage())) + "\n";
        }
    }

    private static String safely(Supplier<String> report) {
        try {
            return report.get();
        } catch (RuntimeException e) {
            return "could not be made: " + e + "\n";
        }
    }

    private static String readme(java.util.Collection<String> names) {
        List<String> lines = new ArrayList<>();
        lines.add("OpenKiosk diagnostics bundle. Contents:");
        names.forEach(n -> lines.add("  " + n));
        lines.add("  README.txt");
        lines.add("No citizen data: secrets are replaced by " + ConfigSanitizer.REMOVED
                + ", log lines are masked, key files and the store are not included.");
        return String.join("\n", lines) + "\n";
    }
}
