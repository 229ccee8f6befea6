package org.openkiosk.device.a4.ipp;

import java.util.Optional;

/**
 * IPP operation ids (RFC 8011 §5.4.15; Cancel-Current-Job from RFC 3998 §4.1.1) that the kiosk sends or its
 * simulator answers.
 */
public enum IppOperation implements IppEnum {
    PRINT_JOB(0x0002, "Print-Job"),
    PRINT_URI(0x0003, "Print-URI"),
    VALIDATE_JOB(0x0004, "Validate-Job"),
    CREATE_JOB(0x0005, "Create-Job"),
    SEND_DOCUMENT(0x0006, "Send-Document"),
    SEND_URI(0x0007, "Send-URI"),
    CANCEL_JOB(0x0008, "Cancel-Job"),
    GET_JOB_ATTRIBUTES(0x0009, "Get-Job-Attributes"),
    GET_JOBS(0x000A, "Get-Jobs"),
    GET_PRINTER_ATTRIBUTES(0x000B, "Get-Printer-Attributes"),
    HOLD_JOB(0x000C, "Hold-Job"),
    RELEASE_JOB(0x000D, "Release-Job"),
    RESTART_JOB(0x000E, "Restart-Job"),
    PAUSE_PRINTER(0x0010, "Pause-Printer"),
    RESUME_PRINTER(0x0011, "Resume-Printer"),
    PURGE_JOBS(0x0012, "Purge-Jobs"),
    CANCEL_CURRENT_JOB(0x002D, "Cancel-Current-Job");

    private final int code;
    private final String keyword;

    IppOperation(int code, String keyword) {
        this.code = code;
        this.keyword = keyword;
    }

    /** The operation-id on the wire. */
    @Override
    public int code() {
        return code;
    }

    /** The name RFC 8011 gives it, e.g. {@code Get-Job-Attributes}. */
    public String keyword() {
        return keyword;
    }

    public static Optional<IppOperation> of(int code) {
        return IppEnum.byCode(IppOperation.class, code);
    }
}
