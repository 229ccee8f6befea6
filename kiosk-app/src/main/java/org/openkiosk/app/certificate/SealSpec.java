package org.openkiosk.app.certificate;

import java.nio.file.Path;

/**
 * The issuing office's seal: either drawn (office name on the arc, a star, a line below it) or an image file.
 *
 * @param text       office name along the upper arc
 * @param centerText the line under the star, e.g. 证明专用章; may be empty
 * @param image      an image (PNG with transparency) used instead of the drawing, or null
 */
public record SealSpec(String text, String centerText, Path image) {
    public SealSpec {
        text = text == null ? "" : text;
        centerText = centerText == null ? "" : centerText;
    }
}
