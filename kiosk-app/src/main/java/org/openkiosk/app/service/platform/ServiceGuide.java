package org.openkiosk.app.service.platform;

/** What to bring, what it costs and how long it takes; public, no identity needed. */
public record ServiceGuide(String code, String titleZh, String titleEn, String materialsZh, String materialsEn,
                           String feeZh, String feeEn, String timeLimitZh, String timeLimitEn) {}
