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
 * @param confirmJobs   {@code confirmJobs}: end each job with GS r 1 and wait for the reply (default true); false for
 *                      models that do not implement GS r (jobs then count as done once written)
 */
public record ReceiptPrinterOptions(PaperWidth paper, boolean cutter, ResidentFont residentFont, StatusMode statusMode,
                                    Duration statusTimeout, Duration jobTimeout, boolean confirmJobs) {

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
        boolean confirm = boolOption(options, "confirmJobs", true);
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
