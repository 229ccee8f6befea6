package org.openkiosk.app.config;

/**
 * @param id        the kiosk's id within its hall, e.g. {@code K-0102}; printed on tickets and in the audit log
 * @param hallId    the hall's id, shared by the kiosks of one hall (ticket numbers are unique per hall per day)
 * @param hallNameZh the hall's name in Chinese, shown on the attract screen
 * @param hallNameEn the hall's name in English
 */
public record KioskIdentity(String id, String hallId, String hallNameZh, String hallNameEn) {

    public String hallName(String language) {
        return "en".equals(language) ? hallNameEn : hallNameZh;
    }
}
