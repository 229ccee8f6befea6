package org.openkiosk.device.a4.ipp;

/** A {@code textWithLanguage} or {@code nameWithLanguage} value (RFC 8010 §3.9): the text and its language. */
public record IppLocalizedText(String language, String text) {}
