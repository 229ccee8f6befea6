package org.openkiosk.app.certificate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Breaks Chinese text into lines that fit a width, character by character, keeping closing punctuation off the
 * start of a line and opening punctuation off its end (the basic rules of Chinese typesetting).
 */
final class LineBreaker {

    private static final String NO_LINE_START = "，。、；：？！）》」』”’%…—";
    private static final String NO_LINE_END = "（《「『“‘";

    private LineBreaker() {}

    static List<String> wrap(String text, PDType0Font font, float size, float width, float firstLineIndent) throws IOException {
        List<String> lines = new ArrayList<>();
        int[] cps = text.strip().codePoints().toArray();
        int start = 0;
        float available = width - firstLineIndent;
        while (start < cps.length) {
            int end = start;
            float used = 0;
            while (end < cps.length) {
                float w = font.getStringWidth(new String(cps, end, 1)) / 1000f * size;
                if (used + w > available && end > start) {
                    break;
                }
                used += w;
                end++;
            }
            if (end < cps.length) {
                // pull a closing mark up onto this line (slight overflow), or push an opening mark down
                if (NO_LINE_START.indexOf(cps[end]) >= 0) {
                    end++;
                } else if (end - 1 > start && NO_LINE_END.indexOf(cps[end - 1]) >= 0) {
                    end--;
                }
            }
            lines.add(new String(cps, start, end - start).strip());
            start = end;
            available = width;
        }
        lines.removeIf(String::isEmpty);
        return lines;
    }
}
