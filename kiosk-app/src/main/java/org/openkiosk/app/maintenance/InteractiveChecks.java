package org.openkiosk.app.maintenance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openkiosk.app.certificate.CertificateRenderer;
import org.openkiosk.app.certificate.CertificateRequest;
import org.openkiosk.app.certificate.CertificateTemplate;
import org.openkiosk.app.certificate.CertificateTemplates;
import org.openkiosk.app.certificate.RenderedCertificate;
import org.openkiosk.app.certificate.SigningConfig;
import org.openkiosk.app.logging.LogMasker;
import org.openkiosk.app.runtime.KioskRuntime;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.HealthCheckLevel;
import org.openkiosk.device.HealthStatus;
import org.openkiosk.device.KioskDevice;
import org.openkiosk.device.a4.A4PrinterDevice;
import org.openkiosk.device.a4.PrintOutcome;
import org.openkiosk.device.escpos.ReceiptPrinter;
import org.openkiosk.device.escpos.TestPage;
import org.openkiosk.device.idcard.IdCard;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.scanner.ScannerDevice;

/**
 * The technician's interactive checks on the running kiosk's devices. Each blocks until the device answered
 * (or its timeout), returns a readable outcome, and is written to the audit log. Never on the JavaFX thread.
 * Results never show personal data: a test card's name and number are masked.
 */
public final class InteractiveChecks {

    /** The synthetic holder of test certificates (the rare character 䶮 exercises the font). */
    static final String SAMPLE_NAME = "测试䶮";
    static final String SAMPLE_ID_NUMBER = "11010519491231002X";

    private final KioskRuntime runtime;
    private final Path configDir;
    private final MaintenanceAccess access;

    public InteractiveChecks(KioskRuntime runtime, Path configDir, MaintenanceAccess access) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.configDir = Objects.requireNonNull(configDir, "configDir");
        this.access = Objects.requireNonNull(access, "access");
    }

    /** Prints the receipt printer's test page (Chinese text, a rare character, a QR code, a cut). */
    public CheckOutcome testReceipt() {
        return audited("test-receipt", () -> {
            Optional<ReceiptPrinter> printer = runtime.receiptPrinter();
            if (printer.isEmpty()) {
                return CheckOutcome.failed("no receipt printer is configured or it could not be created");
            }
            try {
                long job = printer.get().print(TestPage.receipt(printer.get().options().paper()));
                return CheckOutcome.passed("test receipt printed (job " + job + ", confirmed by the printer)");
            } catch (DeviceException e) {
                return failure(e);
            }
        });
    }

    /** Renders a sample certificate for a synthetic person and prints it on the A4 printer, waiting for the job's end. */
    public CheckOutcome testA4Page() {
        return audited("test-a4-page", () -> {
            Optional<A4PrinterDevice> printer = runtime.a4Printer();
            if (printer.isEmpty()) {
                return CheckOutcome.failed("no A4 printer is configured or it could not be created");
            }
            byte[] pdf;
            try {
                pdf = samplePdf();
            } catch (IOException | RuntimeException e) {
                return CheckOutcome.failed("cannot render the sample certificate from " + configDir + ": " + e.getMessage());
            }
            try {
                PrintOutcome outcome = printer.get().print(pdf, "maintenance test page");
                return outcome.printed()
                        ? CheckOutcome.passed("test page printed (job " + outcome.jobId() + ": " + outcome.lastJobState() + ")")
                        : CheckOutcome.failed("test page not printed: " + outcome.status() + " " + outcome.detail()
                                + " — " + outcome.action().description());
            } catch (DeviceException e) {
                return failure(e);
            }
        });
    }

    private byte[] samplePdf() throws IOException {
        CertificateTemplates templates = CertificateTemplates.load(configDir);
        if (templates.types().isEmpty()) {
            throw new IOException("no certificate templates");
        }
        CertificateTemplate template = templates.get(templates.types().get(0));
        String number = "TEST-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        CertificateRequest request;
        try {
            request = new CertificateRequest(template.type(), SAMPLE_NAME, IdNumber.parse(SAMPLE_ID_NUMBER), Map.of(
                    "address", "示例省示例市示例区幸福路1号", "householder", SAMPLE_NAME, "relation", "户主",
                    "since", "2020年1月1日"), LocalDate.now(), number);
        } catch (org.openkiosk.device.idcard.InvalidIdNumberException e) {
            throw new IllegalStateException("the sample ID number is invalid", e);
        }
        RenderedCertificate certificate = new CertificateRenderer(templates, SigningConfig.load(configDir).signer(),
                runtime.demo()).render(request);
        return certificate.pdf();
    }

    /** Waits up to {@code timeout} for a card on the reader and reads it once. */
    public CheckOutcome readTestCard(Duration timeout) {
        return audited("read-test-card", () -> {
            var reader = runtime.idReader();
            if (reader.isEmpty()) {
                return CheckOutcome.failed("no ID card reader is configured or it could not be created");
            }
            try {
                Optional<IdCard> card = reader.get().readOnce(timeout);
                if (card.isEmpty()) {
                    return CheckOutcome.failed("no card could be read within " + seconds(timeout) + " — place a test card");
                }
                IdCard read = card.get();
                String photo = read.photo() == null ? "no photo" : "photo present";
                read.wipePhoto();
                return CheckOutcome.passed("card read: " + read.cardType() + ", "
                        + org.openkiosk.device.privacy.Masking.name(read.displayName()) + ", "
                        + org.openkiosk.device.privacy.Masking.idNumber(read.idNumber()) + ", " + photo);
            } catch (DeviceException e) {
                return failure(e);
            }
        });
    }

    /** Arms the scanner for one code and waits up to {@code timeout} for it. */
    public CheckOutcome scanTestCode(Duration timeout) {
        return audited("scan-test-code", () -> {
            Optional<ScannerDevice> scanner = runtime.scanner();
            if (scanner.isEmpty()) {
                return CheckOutcome.failed("no scanner is configured or it could not be created");
            }
            CompletableFuture<String> code = new CompletableFuture<>();
            scanner.get().arm(code::complete);
            try {
                String text = code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return CheckOutcome.passed("code received (" + text.length() + " characters): " + LogMasker.mask(shorten(text)));
            } catch (TimeoutException e) {
                return CheckOutcome.failed("no code within " + seconds(timeout) + " — scan the test code");
            } catch (ExecutionException e) {
                return CheckOutcome.failed("the scanner failed: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CheckOutcome.failed("interrupted");
            } finally {
                scanner.get().disarm();
            }
        });
    }

    /** The device's message, with what to do unless it says so already. */
    private static CheckOutcome failure(DeviceException e) {
        String message = String.valueOf(e.getMessage());
        String action = e.action().description();
        return CheckOutcome.failed(message.contains(action) ? message : message + " — " + action);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    /** Asks the device itself (status query, module status) and reports its health. */
    public CheckOutcome checkExternal(String deviceName) {
        return audited("check-" + deviceName, () -> {
            Optional<KioskDevice> device = runtime.devices().find(deviceName);
            if (device.isEmpty()) {
                return CheckOutcome.failed(deviceName + " could not be created: "
                        + runtime.deviceHealth(deviceName).map(HealthStatus::text).orElse("not configured"));
            }
            HealthStatus health = device.get().checkHealth(HealthCheckLevel.EXTERNAL);
            String text = health.health() + ": " + LogMasker.mask(health.text());
            return health.isUsable() ? CheckOutcome.passed(text)
                    : CheckOutcome.failed(text + " — " + health.action().description());
        });
    }

    private CheckOutcome audited(String action, java.util.function.Supplier<CheckOutcome> check) {
        CheckOutcome outcome;
        try {
            outcome = check.get();
        } catch (RuntimeException e) {
            outcome = CheckOutcome.failed("unexpected failure: " + e);
        }
        access.action(action, outcome.toString());
        return outcome;
    }
}
