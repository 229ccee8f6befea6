package org.openkiosk.device;

/** The kinds of device a kiosk has; configuration names each one by a logical name. */
public enum DeviceClass {
    ID_CARD_READER,
    RECEIPT_PRINTER,
    A4_PRINTER,
    BARCODE_SCANNER,
    DOCUMENT_SCANNER,
    FACE_VERIFIER
}
