package org.openkiosk.device.idcard;

/**
 * The card's photo as the module delivers it: 1024 bytes of WLT, opaque to us. Only a licensed vendor library
 * decodes it (see {@link PhotoDecoder}). It is citizen data: keep it for the session only and {@link #wipe()} it.
 */
public interface PhotoBlob {

    /** A copy of the raw bytes. */
    byte[] bytes();

    int length();

    /** True when the bytes start with the WLT signature {@code 57 4C 66 00}. */
    boolean looksLikeWlt();

    /** Overwrites the bytes; afterwards {@link #bytes()} fails. */
    void wipe();

    boolean isWiped();
}
