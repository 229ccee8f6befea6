package org.openkiosk.device.idcard.sim;

import org.openkiosk.device.idcard.CardType;

/** The bytes a simulated card gives the module: the 256-byte text block and a 1024-byte WLT-looking photo. */
public record SyntheticCard(CardType type, byte[] text, byte[] photo) {

    public SyntheticCard {
        text = text.clone();
        photo = photo.clone();
    }

    @Override
    public byte[] text() {
        return text.clone();
    }

    @Override
    public byte[] photo() {
        return photo.clone();
    }

    @Override
    public String toString() {
        return "SyntheticCard[" + type + "]";
    }
}
