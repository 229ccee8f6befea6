package org.openkiosk.device.face;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferShort;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * Decodes an encoded camera frame into a {@link PreviewFrame} that fits a box, mirrored (the citizen sees
 * themselves as in a mirror). Runs on the preview's thread, never on the JavaFX thread. Every array that holds the
 * picture on the way is ours and zeroed: the encoded bytes are read in place (no ImageIO file or memory cache), the
 * decoded image's raster and the row buffer are zeroed, and the decoder's own stream buffer is overwritten, before
 * returning (ADR 0185).
 */
final class PreviewDecoder {

    private PreviewDecoder() {}

    /**
     * @param frame    JPEG or PNG; left as it is (the caller wipes it)
     * @param maxWidth the box the preview fits in, pixels
     * @throws IOException when the bytes are not a readable image
     */
    static PreviewFrame decode(FaceImage frame, int maxWidth, int maxHeight, long sequence) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(frame.mediaType());
        if (!readers.hasNext()) {
            throw new IOException("no decoder for " + frame.mediaType());
        }
        ImageReader reader = readers.next();
        BufferedImage decoded = null;
        int[] row = null;
        try (InPlace in = new InPlace(frame.bytes())) {
            reader.setInput(in, true, true);
            int sourceWidth = reader.getWidth(0);
            int sourceHeight = reader.getHeight(0);
            double scale = Math.min((double) maxWidth / sourceWidth, (double) maxHeight / sourceHeight);
            int sub = Math.max(1, (int) Math.floor(1 / scale));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(sub, sub, 0, 0);
            decoded = reader.read(0, param);
            int width = Math.max(1, (int) Math.round(sourceWidth * scale));
            int height = Math.max(1, (int) Math.round(sourceHeight * scale));
            int dw = decoded.getWidth();
            int dh = decoded.getHeight();
            int[] argb = new int[width * height];
            row = new int[dw];
            int lastRow = -1;
            for (int y = 0; y < height; y++) {
                int sy = Math.min(dh - 1, (int) ((long) y * dh / height));
                if (sy != lastRow) {
                    decoded.getRGB(0, sy, dw, 1, row, 0, dw);
                    lastRow = sy;
                }
                int base = y * width;
                for (int x = 0; x < width; x++) {
                    int sx = Math.min(dw - 1, (int) ((long) x * dw / width));
                    argb[base + width - 1 - x] = 0xFF000000 | row[sx]; // mirrored
                }
            }
            return new PreviewFrame(argb, width, height, sequence);
        } catch (RuntimeException e) {
            throw new IOException("the frame cannot be decoded: " + e, e);
        } finally {
            overwriteStreamBuffer(reader);
            reader.dispose();
            if (row != null) {
                Arrays.fill(row, 0);
            }
            if (decoded != null) {
                wipe(decoded.getRaster().getDataBuffer());
            }
        }
    }

    /**
     * The JPEG reader copies the encoded bytes into a stream buffer of its own (4 KiB, a Java array its native part
     * keeps until {@code dispose}, which drops it unzeroed): after the frame, it is made to read zeros into it.
     */
    private static void overwriteStreamBuffer(ImageReader reader) {
        try (InPlace zeros = new InPlace(new byte[ZEROS])) {
            reader.setInput(zeros, true, true);
            reader.getWidth(0);
        } catch (IOException | RuntimeException expected) {
            // zeros are no image: reading them is all that was wanted
        }
    }

    /** More than any decoder's stream buffer. */
    private static final int ZEROS = 64 * 1024;

    static void wipe(DataBuffer buffer) {
        for (int bank = 0; bank < buffer.getNumBanks(); bank++) {
            if (buffer instanceof DataBufferByte b) {
                Arrays.fill(b.getData(bank), (byte) 0);
            } else if (buffer instanceof DataBufferInt b) {
                Arrays.fill(b.getData(bank), 0);
            } else if (buffer instanceof DataBufferUShort b) {
                Arrays.fill(b.getData(bank), (short) 0);
            } else if (buffer instanceof DataBufferShort b) {
                Arrays.fill(b.getData(bank), (short) 0);
            } else {
                for (int i = 0; i < buffer.getSize(); i++) {
                    buffer.setElem(bank, i, 0);
                }
            }
        }
    }

    /** An image input stream over our own array, read in place: no copy, no cache file. */
    static final class InPlace extends ImageInputStreamImpl {
        private final byte[] bytes;

        InPlace(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            bitOffset = 0;
            return streamPos < bytes.length ? bytes[(int) streamPos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            bitOffset = 0;
            if (len == 0) {
                return 0;
            }
            if (streamPos >= bytes.length) {
                return -1;
            }
            int n = (int) Math.min(len, bytes.length - streamPos);
            System.arraycopy(bytes, (int) streamPos, b, off, n);
            streamPos += n;
            return n;
        }

        @Override
        public long length() {
            return bytes.length;
        }
    }
}
