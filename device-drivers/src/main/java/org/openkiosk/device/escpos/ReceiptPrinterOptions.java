package org.openkiosk.device.escpos;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Driver options from configuration ({@code devices.receiptPrinter.options}).
 *
 * @param paper         {@code paperWidthMm}: 58 or 80 (default 80)
 * @param cutter        {@code cutter}: whether the model has a blade (default true)
 * @param residentFont  {@code residentFont}: gbk (default) or gb18030 — which characters need the bitmap fallback
 * @param statusMode    {@code status}: auto (default: query, but tolerate links that cannot read), on, off
 * @param statusTimeout {@code statusTimeoutMs}: wait for real-time replies (default 1000)
 * @param jobTimeout    {@code jobTimeoutMs}: wait for the "job processed" reply after a job (default 20000)
 * @param confirmJobs   {@code confirmJobs}: whether jobs end with GS r 1 and wait for the printer's "processed" reply:
 *                      {@code auto} (default: when the model answers GS r; a model that does not is found out at the
 *                      first status check and its jobs are reported "sent, not confirmable on this model"),
 *                      {@code required} (also {@code true}: a model that cannot confirm is a configuration fault and
 *                      prints nothing), {@code off} (also {@code false}: never ask)
 */
public record ReceiptPrinterOptions(PaperWidth paper, boolean cutter, ResidentFont residentFont, StatusMode statusMode,
                                    Duration statusTimeout, Duration jobTimeout, JobConfirmation confirmJobs) {

    /** Whether jobs are confirmed with GS r 1 (ADR 0131). */
    public enum JobConfirmation {
        /** Confirm when the model can; print unconfirmed (and say so) on a model that does not answer GS r. */
        AUTO,
        /** Confirm every job; a model that does not answer GS r is a configuration fault. */
        REQUIRED,
        /** Never confirm: a job counts as sent once written. */
        OFF;

        static JobConfirmation parse(String value) {
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "auto" -> AUTO;
                case "required", "true", "yes", "on" -> REQUIRED;
                case "off", "false", "no" -> OFF;
                default -> throw new IllegalArgumentException("option confirmJobs must be auto, required or off, got \""
                        + value + "\"");
            };
        }
    }

    /** The same options with another job confirmation (e.g. {@code receipt print --no-confirm}). */
    public ReceiptPrinterOptions withConfirmJobs(JobConfirmation confirmation) {
        return new ReceiptPrinterOptions(paper, cutter, residentFont, statusMode, statusTimeout, jobTimeout, confirmation);
    }

    public static final Set<String> KEYS = Set.of("paperWidthMm", "cutter", "residentFont", "status", "statusTimeoutMs",
            "jobTimeoutMs", "confirmJobs");

    /** Whether and how the driver asks the printer for its status. */
    public enum StatusMode {
        /** Query; if the link cannot carry replies (unidirectional USB), print with the status unknown. */
        AUTO,
        /** Query and treat a link without replies as a fault. */
        ON,
        /** Never query (printers that misbehave on DLE EOT). */
        OFF
    }

    public static ReceiptPrinterOptions defaults() {
        return fromMap(Map.of());
    }

    /** Parses the options map; unknown keys and bad values are refused with a message naming them. */
    public static ReceiptPrinterOptions fromMap(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown escpos option \"" + key + "\" (known: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        PaperWidth paper = PaperWidth.ofMillimetres(intOption(options, "paperWidthMm", 80));
        boolean cutter = boolOption(options, "cutter", true);
        ResidentFont font = ResidentFont.named(options.getOrDefault("residentFont", "gbk"));
        StatusMode mode;
        try {
            mode = StatusMode.valueOf(options.getOrDefault("status", "auto").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option status must be auto, on or off, got \"" + options.get("status") + "\"");
        }
        Duration statusTimeout = Duration.ofMillis(intOption(options, "statusTimeoutMs", 1000));
        Duration jobTimeout = Duration.ofMillis(intOption(options, "jobTimeoutMs", 20_000));
        JobConfirmation confirm = JobConfirmation.parse(options.getOrDefault("confirmJobs", "auto"));
        return new ReceiptPrinterOptions(paper, cutter, font, mode, statusTimeout, jobTimeout, confirm);
    }

    private static int intOption(Map<String, String> options, String key, int fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " must be a positive number, got \"" + value + "\"");
        }
    }

    private static boolean boolOption(Map<String, String> options, String key, boolean fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("option " + key + " must be true or false, got \"" + value + "\"");
        };
    }
}
