package org.openkiosk.app.config;

/**
 * @param id        the kiosk's id within its hall, e.g. {@code K-0102}; printed on tickets and in the audit log
 * @param hallId    the hall's id, shared by the kiosks of one hall (ticket numbers are unique per hall per day)
 * @param hallNameZh the hall's name in Chinese, shown on the attract screen
 * @param hallNameEn the hall's name in English
 * @param testInstallation this kiosk is a test installation: {@code run} accepts {@code sim:} devices and shows
 *                   a "TEST" flag (production refuses simulators)
 * @param helpPhone  the hall's help desk number, shown when a citizen calls for staff and the fleet link is down
 */
public record KioskIdentity(String id, String hallId, String hallNameZh, String hallNameEn, boolean testInstallation,
                            java.util.Optional<String> helpPhone) {

    public KioskIdentity {
        helpPhone = helpPhone == null ? java.util.Optional.empty() : helpPhone;
    }

    public KioskIdentity(String id, String hallId, String hallNameZh, String hallNameEn, boolean testInstallation) {
        this(id, hallId, hallNameZh, hallNameEn, testInstallation, java.util.Optional.empty());
    }

    public KioskIdentity(String id, String hallId, String hallNameZh, String hallNameEn) {
        this(id, hallId, hallNameZh, hallNameEn, false);
    }

    public String hallName(String language) {
        return "en".equals(language) ? hallNameEn : hallNameZh;
    }
}
