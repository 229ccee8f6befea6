package org.openkiosk.device.face;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferShort;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
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
 * decoded samples are zeroed, and the decoder's own stream buffer is overwritten, before returning (ADR 0185).
 *
 * <p>A JPEG is read as its raw samples ({@code readRaster}: YCbCr, RGB or grey as its header says, no colour
 * conversion by the JDK) into a raster the reader hands over, and converted here, pixel by pixel, as the picture is
 * scaled. {@code ImageReader.read} would write each decoded line into a BGR image through a new line-sized array
 * of RGB bytes, leaving a whole unzeroed copy of the frame behind as garbage (ADR 0185, addendum 2). A PNG (the
 * simulated camera's drawn face and files: demo and tests only) is still read as an image, whose raster is zeroed;
 * the PNG reader has no raw read.
 */
final class PreviewDecoder {

    static final String JPEG = "image/jpeg";

    private PreviewDecoder() {}

    /**
     * @param frame    JPEG or PNG; left as it is (the caller wipes it)
     * @param maxWidth the box the preview fits in, pixels
     * @throws IOException when the bytes are not a readable image, or a JPEG whose colours are not YCbCr, RGB or
     *                     grey (CMYK, or an Adobe colour transform that the JDK does not read either)
     */
    static PreviewFrame decode(FaceImage frame, int maxWidth, int maxHeight, long sequence) throws IOException {
        boolean jpeg = JPEG.equals(frame.mediaType());
        Colours colours = jpeg ? Colours.of(frame.bytes()) : null; // refused before anything is decoded
        ImageReader reader = reader(frame.mediaType(), jpeg);
        Raster decoded = null;
        int[] row = null;
        int[] argb = null;
        try (InPlace in = new InPlace(frame.bytes())) {
            reader.setInput(in, true, true);
            int sourceWidth = reader.getWidth(0);
            int sourceHeight = reader.getHeight(0);
            double scale = Math.min((double) maxWidth / sourceWidth, (double) maxHeight / sourceHeight);
            int sub = Math.max(1, (int) Math.floor(1 / scale));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(sub, sub, 0, 0);
            BufferedImage image = null;
            if (jpeg) {
                decoded = reader.readRaster(0, param);
            } else {
                image = reader.read(0, param);
                decoded = image.getRaster();
            }
            Samples samples = jpeg ? new Samples(decoded, colours) : null;
            int width = Math.max(1, (int) Math.round(sourceWidth * scale));
            int height = Math.max(1, (int) Math.round(sourceHeight * scale));
            int dw = decoded.getWidth();
            int dh = decoded.getHeight();
            argb = new int[width * height];
            if (image != null) {
                row = new int[dw];
            }
            int lastRow = -1;
            for (int y = 0; y < height; y++) {
                int sy = Math.min(dh - 1, (int) ((long) y * dh / height));
                if (image != null && sy != lastRow) {
                    image.getRGB(0, sy, dw, 1, row, 0, dw);
                    lastRow = sy;
                }
                int base = y * width;
                for (int x = 0; x < width; x++) {
                    int sx = Math.min(dw - 1, (int) ((long) x * dw / width));
                    int rgb = samples != null ? samples.rgb(sx, sy) : row[sx];
                    argb[base + width - 1 - x] = 0xFF000000 | rgb; // mirrored
                }
            }
            PreviewFrame result = new PreviewFrame(argb, width, height, sequence);
            argb = null; // the preview frame owns (and zeroes) it now
            return result;
        } catch (RuntimeException e) {
            throw new IOException("the frame cannot be decoded: " + e, e);
        } finally {
            overwriteStreamBuffer(reader);
            reader.dispose();
            if (argb != null) {
                Arrays.fill(argb, 0);
            }
            if (row != null) {
                Arrays.fill(row, 0);
            }
            if (decoded != null) {
                wipe(decoded.getDataBuffer());
            }
        }
    }

    /** The first reader for the type; for a JPEG, the first that reads raw samples. */
    private static ImageReader reader(String mediaType, boolean raw) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mediaType);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (!raw || reader.canReadRaster()) {
                return reader;
            }
            reader.dispose();
        }
        throw new IOException(raw ? "no JPEG decoder that reads raw samples (readRaster)" : "no decoder for " + mediaType);
    }

    /**
     * How a JPEG's three (or one) components are to be read, decided from its header as the JDK's reader decides it
     * (libjpeg's rules and the JDK's own for a frame without JFIF or Adobe markers), so that the preview shows
     * the colours {@code ImageIO.read} would show.
     */
    enum Colours {
        GREY(1), YCBCR(3), RGB(3);

        final int bands;

        Colours(int bands) {
            this.bands = bands;
        }

        /** 0xRRGGBB from the samples of one pixel ({@code b} and {@code c} unused for grey). */
        int rgb(int a, int b, int c) {
            return switch (this) {
                case GREY -> a << 16 | a << 8 | a;
                case RGB -> a << 16 | b << 8 | c;
                case YCBCR -> ycc(a, b, c);
            };
        }

        static Colours of(byte[] jpeg) throws IOException {
            Header header = new Header(jpeg);
            JpegStream.frameEnd(jpeg, jpeg.length, header);
            return header.colours();
        }
    }

    /*
     * JFIF (ITU-R BT.601, full range) YCbCr to RGB in libjpeg's fixed-point arithmetic (jdcolor.c), so that the
     * result equals the JDK's own conversion: R = Y + 1.402 (Cr - 128), G = Y - 0.34414 (Cb - 128) - 0.71414 (Cr -
     * 128), B = Y + 1.772 (Cb - 128), each rounded and clamped to 0-255.
     */
    private static final int SCALE_BITS = 16;
    private static final int ONE_HALF = 1 << (SCALE_BITS - 1);
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + ONE_HALF) >> SCALE_BITS;
            CB_B[i] = (fix(1.77200) * x + ONE_HALF) >> SCALE_BITS;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + ONE_HALF;
        }
    }

    private static int fix(double x) {
        return (int) (x * (1 << SCALE_BITS) + 0.5);
    }

    static int ycc(int y, int cb, int cr) {
        int r = clamp(y + CR_R[cr]);
        int g = clamp(y + ((CB_G[cb] + CR_G[cr]) >> SCALE_BITS));
        int b = clamp(y + CB_B[cb]);
        return r << 16 | g << 8 | b;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /** The markers of a JPEG that say how its components are coded (segments before the first scan only). */
    private static final class Header implements JpegStream.Segments {
        private final byte[] b;
        private int components = -1;
        private final int[] ids = new int[3];
        private final int[] sampling = new int[3];
        private boolean jfif;
        private boolean adobe;
        private int transform;
        private boolean scanned;

        Header(byte[] b) {
            this.b = b;
        }

        @Override
        public void segment(int marker, int from, int to) throws IOException {
            if (scanned) {
                return;
            }
            int length = to - from;
            if (marker == 0xDA) {
                scanned = true;
            } else if (isFrameHeader(marker) && components < 0) {
                if (length < 6) {
                    throw new IOException("a JPEG frame header of " + length + " bytes");
                }
                components = b[from + 5] & 0xFF;
                if (length < 6 + 3 * components) {
                    throw new IOException("a JPEG frame header too short for its " + components + " components");
                }
                for (int i = 0; i < Math.min(3, components); i++) {
                    ids[i] = b[from + 6 + 3 * i] & 0xFF;
                    sampling[i] = b[from + 7 + 3 * i] & 0xFF;
                }
            } else if (marker == 0xE0 && length >= 14 && startsWith(from, "JFIF\0")) {
                jfif = true;
            } else if (marker == 0xEE && length >= 12 && startsWith(from, "Adobe")) {
                adobe = true;
                transform = b[from + 11] & 0xFF;
            }
        }

        private static boolean isFrameHeader(int marker) {
            // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC)
            return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        }

        private boolean startsWith(int from, String tag) {
            for (int i = 0; i < tag.length(); i++) {
                if (b[from + i] != tag.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        Colours colours() throws IOException {
            switch (components) {
                case -1:
                    throw new IOException("the JPEG has no frame header");
                case 1:
                    return Colours.GREY;
                case 3:
                    break;
                case 4:
                    throw new IOException("a CMYK JPEG (4 components), not a camera frame");
                default:
                    throw new IOException("a JPEG of " + components + " components, not a camera frame");
            }
            if (adobe && transform != 1) {
                // libjpeg: transform 0 is RGB unless a JFIF marker says YCbCr; the JDK refuses any other mix
                if (transform == 0 && !jfif) {
                    return Colours.RGB;
                }
                throw new IOException("a JPEG with the Adobe colour transform " + transform
                        + (jfif ? " and a JFIF marker" : "") + ": its colours are ambiguous");
            }
            if (jfif || adobe) {
                return Colours.YCBCR;
            }
            if (ids[0] == 'R' && ids[1] == 'G' && ids[2] == 'B') {
                return Colours.RGB;
            }
            if (ids[0] == 1 && ids[1] == 2 && ids[2] == 3) {
                return Colours.YCBCR;
            }
            // the JDK: without JFIF or Adobe markers, unsubsampled components of other ids are RGB (its test for an
            // Exif marker looks at the markers libjpeg kept, and it keeps APP2 only: an Exif APP1 changes nothing)
            return sampling[1] == sampling[0] && sampling[2] == sampling[0] ? Colours.RGB : Colours.YCBCR;
        }
    }

    /** The reader's raw samples of a JPEG, read in place from its raster (which the caller zeroes). */
    private static final class Samples {
        private final byte[] data;
        private final Colours colours;
        private final int origin;
        private final int pixelStride;
        private final int scanlineStride;
        private final int b0;
        private final int b1;
        private final int b2;

        Samples(Raster raster, Colours colours) throws IOException {
            if (!(raster.getDataBuffer() instanceof DataBufferByte bytes)
                    || !(raster.getSampleModel() instanceof ComponentSampleModel model)
                    || raster.getNumBands() != colours.bands) {
                throw new IOException("the JPEG reader gave " + raster.getNumBands() + " bands in a "
                        + raster.getSampleModel().getClass().getSimpleName() + ", " + colours + " expected");
            }
            this.data = bytes.getData();
            this.colours = colours;
            this.pixelStride = model.getPixelStride();
            this.scanlineStride = model.getScanlineStride();
            int[] offsets = model.getBandOffsets();
            this.b0 = offsets[0];
            this.b1 = offsets[Math.min(1, offsets.length - 1)];
            this.b2 = offsets[Math.min(2, offsets.length - 1)];
            this.origin = bytes.getOffset()
                    + (raster.getMinY() - raster.getSampleModelTranslateY()) * scanlineStride
                    + (raster.getMinX() - raster.getSampleModelTranslateX()) * pixelStride;
        }

        /** 0xRRGGBB of the pixel at (x, y), counted from the raster's corner. */
        int rgb(int x, int y) {
            int at = origin + y * scanlineStride + x * pixelStride;
            return colours.rgb(data[at + b0] & 0xFF, data[at + b1] & 0xFF, data[at + b2] & 0xFF);
        }
    }

    /**
     * The JPEG reader copies the encoded bytes into a stream buffer of its own (4 KiB, a Java array its native part
     * keeps until {@code dispose}, which drops it unzeroed): after the frame, it is made to read zeros into it.
     */
    static void overwriteStreamBuffer(ImageReader reader) {
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
