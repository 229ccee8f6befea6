package org.openkiosk.device.idcard;

/** Sex codes of GB/T 2261.1 as stored on the card. */
public enum Sex {
    UNKNOWN('0', "unknown", "未知"),
    MALE('1', "male", "男"),
    FEMALE('2', "female", "女"),
    UNSPECIFIED('9', "unspecified", "未说明");

    private final char code;
    private final String english;
    private final String chinese;

    Sex(char code, String english, String chinese) {
        this.code = code;
        this.english = english;
        this.chinese = chinese;
    }

    public char code() {
        return code;
    }

    /** Lower-case English word used in technician output and JSON. */
    public String english() {
        return english;
    }

    public String chinese() {
        return chinese;
    }

    public static Sex ofCode(String code) throws IdCardFormatException {
        if (code.length() == 1) {
            for (Sex s : values()) {
                if (s.code == code.charAt(0)) {
                    return s;
                }
            }
        }
        throw new IdCardFormatException("sex code \"" + code + "\" is not one of 0, 1, 2, 9 (GB/T 2261.1)");
    }
}
