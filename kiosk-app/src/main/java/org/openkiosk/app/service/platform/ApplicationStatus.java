package org.openkiosk.app.service.platform;

/** Steps of an application's progress: received → under review → approved (or rejected) → ready / mailed. */
public enum ApplicationStatus {
    RECEIVED("已受理", "Received"),
    UNDER_REVIEW("审核中", "Under review"),
    APPROVED("已批准", "Approved"),
    REJECTED("未通过", "Rejected"),
    READY("待领取", "Ready for collection"),
    MAILED("已寄出", "Mailed");

    private final String zh;
    private final String en;

    ApplicationStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label(String language) {
        return "en".equals(language) ? en : zh;
    }
}
