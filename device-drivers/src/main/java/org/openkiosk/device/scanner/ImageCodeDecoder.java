package org.openkiosk.device.scanner;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.InvertedLuminanceSource;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds barcodes and QR codes in camera or scanner frames with ZXing. No single ZXing setting finds every code
 * (TRY_HARDER misses some that the default finds, and inverted or tightly cropped codes need their own mode),
 * so {@link #decode} tries the strategies in turn and returns the texts of the first that finds anything;
 * {@link #decodeAll} looks for several codes in one frame.
 */
public final class ImageCodeDecoder {

    /** One way of asking ZXing. */
    public enum Strategy {
        /** Every QR code in the frame, then every other code. */
        MULTIPLE,
        /** Plain single-code decode. */
        DEFAULT,
        /** Slower, looks harder (rotated, small, blurred). */
        TRY_HARDER,
        /** The image is just the code, tightly cropped. */
        PURE,
        /** Light code on a dark background (phone screens in dark mode). */
        INVERTED
    }

    private static final List<BarcodeFormat> FORMATS = List.of(BarcodeFormat.QR_CODE, BarcodeFormat.CODE_128,
            BarcodeFormat.CODE_39, BarcodeFormat.EAN_13, BarcodeFormat.PDF_417, BarcodeFormat.DATA_MATRIX);

    private final List<Strategy> order;

    public ImageCodeDecoder() {
        // single-code readers give up on frames with several codes (too many finder patterns): MULTIPLE comes last
        this(List.of(Strategy.DEFAULT, Strategy.TRY_HARDER, Strategy.INVERTED, Strategy.PURE, Strategy.MULTIPLE));
    }

    public ImageCodeDecoder(List<Strategy> order) {
        if (order.isEmpty()) {
            throw new IllegalArgumentException("at least one strategy");
        }
        this.order = List.copyOf(order);
    }

    /**
     * The code in the frame: the strategies in turn, cheapest first, until one finds something (one text, or
     * several when a strategy saw several). Empty when there is none.
     */
    public List<String> decode(BufferedImage frame) {
        for (Strategy strategy : order) {
            List<String> texts = decodeWith(strategy, frame);
            if (!texts.isEmpty()) {
                return texts;
            }
        }
        return List.of();
    }

    /**
     * Every code in the frame (a slip with two codes, a phone screen next to a paper form): the multi-code
     * search first — several times slower, see the benchmark — then the single-code cascade.
     */
    public List<String> decodeAll(BufferedImage frame) {
        List<String> texts = decodeWith(Strategy.MULTIPLE, frame);
        return texts.isEmpty() ? decode(frame) : texts;
    }

    /** One strategy only (benchmarks compare them). */
    public static List<String> decodeWith(Strategy strategy, BufferedImage frame) {
        LuminanceSource source = new BufferedImageLuminanceSource(frame);
        if (strategy == Strategy.INVERTED) {
            source = new InvertedLuminanceSource(source);
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(source));
        Map<DecodeHintType, Object> hints = hints(strategy);
        MultiFormatReader reader = new MultiFormatReader();
        reader.setHints(hints);
        Set<String> texts = new LinkedHashSet<>();
        try {
            if (strategy == Strategy.MULTIPLE) {
                attempt(texts, () -> new QRCodeMultiReader().decodeMultiple(bitmap, hints));
                attempt(texts, () -> new GenericMultipleBarcodeReader(reader).decodeMultiple(bitmap, hints));
            } else {
                attempt(texts, () -> new Result[] {reader.decodeWithState(bitmap)});
            }
        } finally {
            reader.reset();
        }
        return new ArrayList<>(texts);
    }

    private interface Search {
        Result[] run() throws NotFoundException;
    }

    private static void attempt(Set<String> texts, Search search) {
        try {
            for (Result r : search.run()) {
                texts.add(r.getText());
            }
        } catch (NotFoundException e) {
            // nothing found this way; the caller tries the next strategy
        } catch (RuntimeException e) {
            // ZXing occasionally throws runtime exceptions (e.g. index errors) on odd frames: treat as not found
        }
    }

    private static Map<DecodeHintType, Object> hints(Strategy strategy) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, FORMATS);
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
        if (strategy == Strategy.TRY_HARDER || strategy == Strategy.INVERTED || strategy == Strategy.MULTIPLE) {
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        }
        if (strategy == Strategy.PURE) {
            hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
        }
        return hints;
    }
}
