package org.openkiosk.app.service.identity;

/** The four card types an ID card reader returns (see the GA 467 notes). */
public enum CardType {
    /** 居民身份证 */
    RESIDENT_ID,
    /** 港澳居民居住证 (numbers start 810000 / 820000) */
    HONG_KONG_MACAO_RESIDENCE_PERMIT,
    /** 台湾居民居住证 (numbers start 830000) */
    TAIWAN_RESIDENCE_PERMIT,
    /** 外国人永久居留身份证 (2023 layout, numbers start 9) */
    FOREIGN_PERMANENT_RESIDENCE
}
