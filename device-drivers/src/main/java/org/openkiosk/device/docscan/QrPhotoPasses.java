package org.openkiosk.device.docscan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the QR code on a photo of a printed certificate (any rotation, perspective, blur, JPEG artefacts, uneven
 * light, inverted, small) in three passes, cheapest first, stopping at the first that finds a wanted code
 * (ADR 0191). The photo becomes one grey plane read straight from the raster (no Java2D conversion); the whole
 * photo is binarised once with local thresholds and its black matrix read both ways round (an inverted print
 * costs a flip, not a second binarisation); only when that fails, the same matrix with {@code TRY_HARDER}, then
 * a box-filtered half-size copy. Photos are not shrunk first: on the issue-16 photo set a code at 4 pixels per
 * module shrunk to 2 was no longer found, and most photos then needed the full-size passes anyway (BENCHMARKS.md).
 */
final class QrPhotoPasses {

    private static final Logger log = LoggerFactory.getLogger(QrPhotoPasses.class);

    private QrPhotoPasses() {}

    static List<DecodedCode> decode(BufferedImage image, Predicate<String> wanted) {
        Grey grey = Grey.of(image);
        // 1. the whole photo binarised once (local thresholds: uneven light), read as printed and flipped (inverted)
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(grey.source()));
        List<DecodedCode> found = bothWays(bitmap, hints(false), wanted);
        if (!found.isEmpty()) {
            return debug("plain", found);
        }
        // 2. the same binarisation, every row scanned and more finder-pattern combinations (perspective, JPEG)
        found = bothWays(bitmap, hints(true), wanted);
        if (!found.isEmpty()) {
            return debug("try harder", found);
        }
        // 3. a half-size copy (box filter: noise and blur averaged out), looking hard
        if (Math.min(grey.width, grey.height) >= 2 * MIN_SHRUNK_SIDE) {
            found = bothWays(new BinaryBitmap(new HybridBinarizer(grey.shrink(2).source())), hints(true), wanted);
        }
        return debug("half size, try harder", found);
    }

    /** No half-size pass on images whose short side would fall below this (a code needs some pixels). */
    static final int MIN_SHRUNK_SIDE = 240;

    /** Which pass read the code (never the code's text: a certificate's number and masked holder). */
    private static List<DecodedCode> debug(String pass, List<DecodedCode> found) {
        log.debug("QR code {}", found.isEmpty() ? "not found after every pass" : "read by the pass: " + pass);
        return found;
    }

    private static Map<DecodeHintType, Object> hints(boolean tryHarder) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
        if (tryHarder) {
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        }
        return hints;
    }

    /** Reads the bitmap, then its black matrix flipped (a light code on a dark ground: no second binarisation). */
    private static List<DecodedCode> bothWays(BinaryBitmap bitmap, Map<DecodeHintType, Object> hints,
                                              Predicate<String> wanted) {
        Set<DecodedCode> codes = new LinkedHashSet<>();
        if (read(bitmap, hints, codes, wanted)) {
            return new ArrayList<>(codes);
        }
        BitMatrix matrix;
        try {
            matrix = bitmap.getBlackMatrix();
        } catch (NotFoundException e) {
            return List.of();
        }
        matrix.flip();
        try {
            return read(bitmap, hints, codes, wanted) ? new ArrayList<>(codes) : List.of();
        } finally {
            matrix.flip();
        }
    }

    private static boolean anyWanted(Set<DecodedCode> codes, Predicate<String> wanted) {
        return codes.stream().anyMatch(code -> wanted.test(code.text()));
    }

    /**
     * The single-code reader, then — when it found nothing wanted — the multi-code reader: it weighs more
     * combinations of finder-pattern candidates, which a page needs when a character such as 回 or the seal looks
     * like a finder pattern (the single reader then picks a wrong triple), and it finds a second code on the paper.
     * True when a wanted code is among {@code codes}.
     */
    private static boolean read(BinaryBitmap bitmap, Map<DecodeHintType, Object> hints, Set<DecodedCode> codes,
                                Predicate<String> wanted) {
        try {
            Result result = new QRCodeReader().decode(bitmap, hints);
            codes.add(new DecodedCode(BarcodeFormat.QR_CODE.name(), result.getText()));
            if (anyWanted(codes, wanted)) {
                return true;
            }
        } catch (ReaderException | RuntimeException e) {
            // not found this way (ZXing also throws index errors on odd images)
        }
        try {
            for (Result result : new QRCodeMultiReader().decodeMultiple(bitmap, hints)) {
                codes.add(new DecodedCode(BarcodeFormat.QR_CODE.name(), result.getText()));
            }
        } catch (ReaderException | RuntimeException e) {
            // no code this way
        }
        return anyWanted(codes, wanted);
    }

    /** A grey plane (ITU-R BT.601 luma, as ZXing's own conversion), read once from the image's raster. */
    static final class Grey {
        final byte[] pixels;
        final int width;
        final int height;

        private Grey(byte[] pixels, int width, int height) {
            this.pixels = pixels;
            this.width = width;
            this.height = height;
        }

        LuminanceSource source() {
            return new PlanarYUVLuminanceSource(pixels, width, height, 0, 0, width, height, false);
        }

        static Grey of(BufferedImage image) {
            int w = image.getWidth();
            int h = image.getHeight();
            byte[] out = new byte[w * h];
            var buffer = image.getRaster().getDataBuffer();
            boolean plain = image.getRaster().getParent() == null && image.getRaster().getSampleModelTranslateX() == 0
                    && image.getRaster().getSampleModelTranslateY() == 0;
            if (plain && image.getType() == BufferedImage.TYPE_BYTE_GRAY && buffer instanceof DataBufferByte bytes
                    && bytes.getData().length == w * h) {
                System.arraycopy(bytes.getData(), 0, out, 0, w * h);
            } else if (plain && image.getType() == BufferedImage.TYPE_3BYTE_BGR && buffer instanceof DataBufferByte bytes
                    && bytes.getData().length == 3 * w * h) {
                byte[] bgr = bytes.getData();
                for (int i = 0, j = 0; i < out.length; i++, j += 3) {
                    out[i] = (byte) (((bgr[j + 2] & 0xff) * 306 + (bgr[j + 1] & 0xff) * 601 + (bgr[j] & 0xff) * 117) >> 10);
                }
            } else if (plain && (image.getType() == BufferedImage.TYPE_INT_RGB
                    || image.getType() == BufferedImage.TYPE_INT_ARGB) && buffer instanceof DataBufferInt ints
                    && ints.getData().length == w * h) {
                int[] rgb = ints.getData();
                boolean alpha = image.getType() == BufferedImage.TYPE_INT_ARGB;
                for (int i = 0; i < out.length; i++) {
                    out[i] = (byte) luma(rgb[i], alpha);
                }
            } else {
                int[] row = new int[w];
                boolean alpha = image.getColorModel().hasAlpha();
                for (int y = 0; y < h; y++) {
                    image.getRGB(0, y, w, 1, row, 0, w);
                    for (int x = 0; x < w; x++) {
                        out[y * w + x] = (byte) luma(row[x], alpha);
                    }
                }
            }
            return new Grey(out, w, h);
        }

        private static int luma(int argb, boolean alpha) {
            int l = (((argb >> 16) & 0xff) * 306 + ((argb >> 8) & 0xff) * 601 + (argb & 0xff) * 117) >> 10;
            if (alpha) {
                int a = (argb >>> 24) & 0xff; // transparent counts as white paper, as ZXing does
                l = (l * a + 255 * (255 - a)) / 255;
            }
            return l;
        }

        /** Every {@code f}×{@code f} block averaged (a box filter: also smooths sensor noise and JPEG blocks). */
        Grey shrink(int f) {
            int w = width / f;
            int h = height / f;
            byte[] out = new byte[w * h];
            int[] sums = new int[w];
            int area = f * f;
            for (int y = 0; y < h; y++) {
                java.util.Arrays.fill(sums, 0);
                for (int dy = 0; dy < f; dy++) {
                    int row = (y * f + dy) * width;
                    for (int x = 0, sx = row; x < w; x++) {
                        int s = 0;
                        for (int dx = 0; dx < f; dx++, sx++) {
                            s += pixels[sx] & 0xff;
                        }
                        sums[x] += s;
                    }
                }
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = (byte) (sums[x] / area);
                }
            }
            return new Grey(out, w, h);
        }
    }
}
