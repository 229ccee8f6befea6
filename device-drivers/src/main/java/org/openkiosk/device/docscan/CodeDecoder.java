package org.openkiosk.device.docscan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finds QR codes and common barcodes on a page image. No single ZXing setting reads every rotated or scaled
 * code (the default and {@code TRY_HARDER} each miss ones the other reads), so several strategies run in turn
 * until one finds a code. QR codes alone (certificates) take the faster {@link QrPhotoPasses}.
 */
public final class CodeDecoder {

    private static final List<BarcodeFormat> FORMATS = List.of(BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX,
            BarcodeFormat.PDF_417, BarcodeFormat.CODE_128, BarcodeFormat.CODE_39, BarcodeFormat.EAN_13);

    private record Strategy(String name, Function<BufferedImage, BufferedImage> prepare,
                            Function<LuminanceSource, Binarizer> binarizer, boolean tryHarder) {}

    private static final List<Strategy> STRATEGIES = List.of(
            new Strategy("hybrid", Function.identity(), HybridBinarizer::new, false),
            new Strategy("hybrid, try harder", Function.identity(), HybridBinarizer::new, true),
            new Strategy("global histogram, try harder", Function.identity(), GlobalHistogramBinarizer::new, true),
            new Strategy("half size", CodeDecoder::halfSize, HybridBinarizer::new, true));

    private CodeDecoder() {}

    /** Every code of any supported format found by the first strategy that finds any (scanned documents). */
    public static List<DecodedCode> decodeAll(BufferedImage image) {
        for (Strategy strategy : STRATEGIES) {
            List<DecodedCode> found = run(strategy, image);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /**
     * The QR code on a photo or scan of a printed certificate (issue 16, ADR 0191): the whole photo as one grey
     * plane, binarised once and read both ways round, then fallbacks only while nothing {@code wanted} is found —
     * see {@link QrPhotoPasses}.
     * Much faster than {@link #decodeAll} on a whole page (the 1D readers scan every row of every sub-region).
     */
    public static List<DecodedCode> decodeQr(BufferedImage image, Predicate<String> wanted) {
        return QrPhotoPasses.decode(image, wanted);
    }

    private static List<DecodedCode> run(Strategy strategy, BufferedImage image) {
        BufferedImage prepared = strategy.prepare().apply(image);
        BinaryBitmap bitmap = new BinaryBitmap(strategy.binarizer().apply(new BufferedImageLuminanceSource(prepared)));
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, FORMATS);
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
        if (strategy.tryHarder()) {
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
            hints.put(DecodeHintType.ALSO_INVERTED, Boolean.TRUE); // light code on a dark ground (a screen, a negative)
        }
        Set<DecodedCode> codes = new LinkedHashSet<>();
        try {
            for (Result result : new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(bitmap, hints)) {
                codes.add(new DecodedCode(result.getBarcodeFormat().name(), result.getText()));
            }
        } catch (NotFoundException e) {
            // nothing with this strategy
        }
        if (codes.isEmpty()) {
            // the multi-code detector is stricter than the single-code one: photos of a tilted or small code
            // (issue 16, PhotoDecodeComparison) often only decode with the single reader
            try {
                Result single = new MultiFormatReader().decode(bitmap, hints);
                codes.add(new DecodedCode(single.getBarcodeFormat().name(), single.getText()));
            } catch (NotFoundException e) {
                // nothing with this strategy
            }
        }
        return new ArrayList<>(codes);
    }

    private static BufferedImage halfSize(BufferedImage image) {
        int w = Math.max(1, image.getWidth() / 2);
        int h = Math.max(1, image.getHeight() / 2);
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return small;
    }
}
