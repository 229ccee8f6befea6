package org.openkiosk.device.docscan;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.List;

/**
 * One scanned page and the codes found on it. A citizen's document: kept in memory only, for the session;
 * {@link #close()} overwrites the pixels so the image does not linger in the heap.
 */
public final class ScannedPage implements AutoCloseable {

    private final BufferedImage image;
    private final List<DecodedCode> codes;
    private volatile boolean wiped;

    public ScannedPage(BufferedImage image, List<DecodedCode> codes) {
        this.image = image;
        this.codes = List.copyOf(codes);
    }

    /** The page image; do not keep references beyond the session. */
    public BufferedImage image() {
        if (wiped) {
            throw new IllegalStateException("the scanned page was wiped at the end of the session");
        }
        return image;
    }

    public List<DecodedCode> codes() {
        return codes;
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    /** Overwrites the pixels with zeros. */
    @Override
    public void close() {
        if (wiped) {
            return;
        }
        wiped = true;
        DataBuffer buffer = image.getRaster().getDataBuffer();
        if (buffer instanceof DataBufferByte bytes) {
            for (int bank = 0; bank < bytes.getNumBanks(); bank++) {
                Arrays.fill(bytes.getData(bank), (byte) 0);
            }
        } else if (buffer instanceof DataBufferInt ints) {
            for (int bank = 0; bank < ints.getNumBanks(); bank++) {
                Arrays.fill(ints.getData(bank), 0);
            }
        } else {
            for (int i = 0; i < buffer.getSize(); i++) {
                buffer.setElem(i, 0);
            }
        }
    }

    public boolean isWiped() {
        return wiped;
    }
}
