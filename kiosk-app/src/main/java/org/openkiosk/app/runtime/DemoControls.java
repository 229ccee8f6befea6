package org.openkiosk.app.runtime;

import org.openkiosk.device.face.FaceMatch;
import org.openkiosk.device.idcard.CardType;

/**
 * What a person trying the demo can do to the simulated devices. Each call acts on a wire-level simulator,
 * so the kiosk sees exactly what real hardware would send. Calls may block briefly: not on the JavaFX thread.
 */
public interface DemoControls {

    /** Puts a synthetic card of this type on the simulated reader. */
    void placeCard(CardType type);

    void removeCard();

    /** The simulated scanner sends this code (e.g. an appointment slip's QR payload). */
    void scan(String code);

    /** The simulated receipt printer's paper: true = out of paper. */
    void receiptPaperOut(boolean out);

    /** The simulated A4 printer's paper: true = out of paper (jobs stop with "media empty"). */
    void a4PaperOut(boolean out);

    /** The simulated face verifier's next comparison comes out as given (e.g. {@link FaceMatch#NO_MATCH}). */
    void nextFace(FaceMatch outcome);
}
