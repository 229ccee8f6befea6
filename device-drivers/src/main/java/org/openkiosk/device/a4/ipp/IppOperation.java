package org.openkiosk.device.a4.ipp;

/** IPP operation ids the kiosk uses (RFC 8011 §5.4.15). */
public final class IppOperation {
    public static final int PRINT_JOB = 0x0002;
    public static final int CANCEL_JOB = 0x0008;
    public static final int GET_JOB_ATTRIBUTES = 0x0009;
    public static final int GET_PRINTER_ATTRIBUTES = 0x000B;

    private IppOperation() {}
}
