package org.openkiosk.device.a4.ipp;

/** IPP/1.1 delimiter and value tags (RFC 8010 §3.5) that the kiosk reads or writes. */
public final class IppTag {
    // delimiter tags: they open an attribute group
    public static final int OPERATION_ATTRIBUTES = 0x01;
    public static final int JOB_ATTRIBUTES = 0x02;
    public static final int END_OF_ATTRIBUTES = 0x03;
    public static final int PRINTER_ATTRIBUTES = 0x04;
    public static final int UNSUPPORTED_ATTRIBUTES = 0x05;

    // out-of-band values
    public static final int UNSUPPORTED = 0x10;
    public static final int UNKNOWN = 0x12;
    public static final int NO_VALUE = 0x13;

    // integer-like values
    public static final int INTEGER = 0x21;
    public static final int BOOLEAN = 0x22;
    public static final int ENUM = 0x23;

    // octet-string values
    public static final int OCTET_STRING = 0x30;
    public static final int DATE_TIME = 0x31;
    public static final int RESOLUTION = 0x32;
    public static final int RANGE_OF_INTEGER = 0x33;
    public static final int BEGIN_COLLECTION = 0x34;
    public static final int TEXT_WITH_LANGUAGE = 0x35;
    public static final int NAME_WITH_LANGUAGE = 0x36;
    public static final int END_COLLECTION = 0x37;

    // character-string values
    public static final int TEXT = 0x41;
    public static final int NAME = 0x42;
    public static final int KEYWORD = 0x44;
    public static final int URI = 0x45;
    public static final int URI_SCHEME = 0x46;
    public static final int CHARSET = 0x47;
    public static final int NATURAL_LANGUAGE = 0x48;
    public static final int MIME_MEDIA_TYPE = 0x49;
    public static final int MEMBER_ATTR_NAME = 0x4A;

    private IppTag() {}

    static boolean isDelimiter(int tag) {
        return tag >= 0x00 && tag <= 0x0F;
    }

    static boolean isIntegerValued(int tag) {
        return tag == INTEGER || tag == ENUM;
    }

    static boolean isStringValued(int tag) {
        return tag >= 0x40 && tag <= 0x5F;
    }
}
