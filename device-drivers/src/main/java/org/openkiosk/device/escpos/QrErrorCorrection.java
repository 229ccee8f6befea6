package org.openkiosk.device.escpos;

/** GS ( k fn 45 error-correction levels (48 = L … 51 = H). */
public enum QrErrorCorrection {
    L(48),
    M(49),
    Q(50),
    H(51);

    private final int code;

    QrErrorCorrection(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
