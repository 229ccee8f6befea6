package org.openkiosk.device.idcard;

import java.util.Arrays;

/** The module's WLT photo bytes, held in memory until {@link #wipe()}. */
public final class WltPhoto implements PhotoBlob {

    private static final byte[] SIGNATURE = {0x57, 0x4C, 0x66, 0x00};

    private final byte[] bytes;
    private volatile boolean wiped;

    public WltPhoto(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    @Override
    public synchronized byte[] bytes() {
        if (wiped) {
            throw new IllegalStateException("the photo was wiped at the end of the session");
        }
        return bytes.clone();
    }

    @Override
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean looksLikeWlt() {
        return !wiped && bytes.length >= 4 && Arrays.equals(bytes, 0, 4, SIGNATURE, 0, 4);
    }

    @Override
    public synchronized void wipe() {
        Arrays.fill(bytes, (byte) 0);
        wiped = true;
    }

    @Override
    public boolean isWiped() {
        return wiped;
    }

    @Override
    public String toString() {
        return "WltPhoto[" + bytes.length + " bytes" + (wiped ? ", wiped" : "") + "]";
    }
}
