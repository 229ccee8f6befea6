package org.openkiosk.device.face;

import java.util.Arrays;
import java.util.Objects;
import org.openkiosk.device.idcard.IdNumber;

/**
 * What the live face is compared with: the card holder's number (the platform compares with its own photo of
 * that person) and the card's photo as read from the chip (WLT-compressed on GA 467 cards; only a vendor's
 * decoder may decode it, never our own guess). {@link #close()} zeroes the photo; {@link #toString()} is masked.
 *
 * @param holder    the card holder's ID number
 * @param cardPhoto the chip's photo bytes, adopted; empty when the reader delivered none
 */
public record FaceReference(IdNumber holder, byte[] cardPhoto) implements AutoCloseable {

    public FaceReference {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(cardPhoto, "cardPhoto");
    }

    public boolean hasCardPhoto() {
        return cardPhoto.length > 0;
    }

    @Override
    public void close() {
        Arrays.fill(cardPhoto, (byte) 0);
    }

    @Override
    public String toString() {
        return "FaceReference[" + holder.masked() + ", card photo " + cardPhoto.length + " bytes]";
    }
}
