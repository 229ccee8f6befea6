package org.openkiosk.app.fleet;

import java.time.Instant;

/**
 * An active alarm, retained on {@code alarm/CODE} while the condition lasts; an empty retained message clears it.
 *
 * @param code     e.g. {@code PAPER_OUT.receiptPrinter}, {@code DISK_LOW}
 * @param severity {@code warning} (act soon) or {@code critical} (citizens are affected now)
 * @param device   the device's logical name, when the alarm is about one
 * @param text     technician's words for the condition
 * @param action   what to do
 * @param since    when the kiosk first saw it
 */
public record Alarm(String schema, String kiosk, String code, String severity, String device, String text,
                    String action, Instant since) {

    public static final String SCHEMA = "openkiosk/alarm/1";
}
