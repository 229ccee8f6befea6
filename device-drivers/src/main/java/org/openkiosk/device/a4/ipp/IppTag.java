package org.openkiosk.device.a4.ipp;

/** IPP delimiter and value tags (RFC 8010 §3.5, IANA IPP registry). */
public final class IppTag {
    // delimiter tags (0x00–0x0F): they open an attribute group; 0x00 is reserved
    public static final int OPERATION_ATTRIBUTES = 0x01;
    public static final int JOB_ATTRIBUTES = 0x02;
    public static final int END_OF_ATTRIBUTES = 0x03;
    public static final int PRINTER_ATTRIBUTES = 0x04;
    public static final int UNSUPPORTED_ATTRIBUTES = 0x05;
    public static final int SUBSCRIPTION_ATTRIBUTES = 0x06;
    public static final int EVENT_NOTIFICATION_ATTRIBUTES = 0x07;
    public static final int RESOURCE_ATTRIBUTES = 0x08;
    public static final int DOCUMENT_ATTRIBUTES = 0x09;
    public static final int SYSTEM_ATTRIBUTES = 0x0A;

    // out-of-band values (0x10–0x1F): no value bytes
    public static final int UNSUPPORTED = 0x10;
    public static final int DEFAULT = 0x11;
    public static final int UNKNOWN = 0x12;
    public static final int NO_VALUE = 0x13;
    public static final int NOT_SETTABLE = 0x15;
    public static final int DELETE_ATTRIBUTE = 0x16;
    public static final int ADMIN_DEFINE = 0x17;

    // integer values
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

    /** Announces a 4-byte tag in the value (RFC 8010 §3.5.2); no registered tag needs it, so it is refused. */
    public static final int EXTENSION = 0x7F;

    private IppTag() {}

    static boolean isDelimiter(int tag) {
        return tag >= 0x00 && tag <= 0x0F;
    }

    static boolean isOutOfBand(int tag) {
        return tag >= 0x10 && tag <= 0x1F;
    }

    static boolean isIntegerValued(int tag) {
        return tag == INTEGER || tag == ENUM;
    }

    static boolean isStringValued(int tag) {
        return tag >= 0x40 && tag <= 0x5F;
    }

    /** For error messages: {@code 0x21 (integer)}. */
    static String describe(int tag) {
        String name = switch (tag) {
            case 0x00 -> "reserved delimiter";
            case OPERATION_ATTRIBUTES -> "operation-attributes-tag";
            case JOB_ATTRIBUTES -> "job-attributes-tag";
            case END_OF_ATTRIBUTES -> "end-of-attributes-tag";
            case PRINTER_ATTRIBUTES -> "printer-attributes-tag";
            case UNSUPPORTED_ATTRIBUTES -> "unsupported-attributes-tag";
            case INTEGER -> "integer";
            case BOOLEAN -> "boolean";
            case ENUM -> "enum";
            case DATE_TIME -> "dateTime";
            case RESOLUTION -> "resolution";
            case RANGE_OF_INTEGER -> "rangeOfInteger";
            case BEGIN_COLLECTION -> "begCollection";
            case END_COLLECTION -> "endCollection";
            case TEXT_WITH_LANGUAGE -> "textWithLanguage";
            case NAME_WITH_LANGUAGE -> "nameWithLanguage";
            case MEMBER_ATTR_NAME -> "memberAttrName";
            case KEYWORD -> "keyword";
            case EXTENSION -> "extension";
            default -> isDelimiter(tag) ? "group" : isOutOfBand(tag) ? "out-of-band" : isStringValued(tag) ? "string" : "value";
        };
        return String.format("0x%02x (%s)", tag, name);
    }
}
