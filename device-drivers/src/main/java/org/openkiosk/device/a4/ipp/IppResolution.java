package org.openkiosk.device.a4.ipp;

/**
 * A {@code resolution} value (RFC 8010 §3.9: cross-feed and feed SIGNED-INTEGERs, then units: 3 = dots per
 * inch, 4 = dots per centimetre).
 */
public record IppResolution(int crossFeed, int feed, int units) {
    public static final int DOTS_PER_INCH = 3;
    public static final int DOTS_PER_CM = 4;
}
