package org.openkiosk.app.service.port;

/**
 * Prints a PDF on the A4 printer and waits for the job's end (implemented over {@code org.openkiosk.device.a4}).
 * Returns {@link PrintOutcome#failed} rather than throwing when the printer reports a failure.
 */
public interface A4PrintPort {
    PrintOutcome print(String jobTitle, byte[] pdf);

    /**
     * After a crash or an outage: whether the job sent with this exact title came out (ADR 0165). A printer
     * without a job history cannot say.
     */
    default PrintLookup lookUp(String jobTitle) {
        return PrintLookup.unknown("this printer keeps no job history the kiosk can read");
    }
}
