package org.openkiosk.app.service.platform;

/** A certificate the platform says this person may obtain. */
public record Entitlement(String certificateType, String titleZh, String titleEn, String issuerZh) {}
