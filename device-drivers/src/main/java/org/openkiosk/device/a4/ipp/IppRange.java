package org.openkiosk.device.a4.ipp;

/** A {@code rangeOfInteger} value (RFC 8010 §3.9: two SIGNED-INTEGERs). */
public record IppRange(int lower, int upper) {}
