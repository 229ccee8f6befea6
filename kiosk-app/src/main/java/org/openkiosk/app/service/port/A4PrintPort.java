package org.openkiosk.app.service.port;

/**
 * Prints a PDF on the A4 printer and waits for the job's end (implemented over {@code org.openkiosk.device.a4}).
 * Returns {@link PrintOutcome#failed} rather than throwing when the printer reports a failure.
 */
public interface A4PrintPort {
    PrintOutcome print(String jobTitle, byte[] pdf);
}
