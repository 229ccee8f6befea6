package org.openkiosk.device.escpos.sim;

import java.awt.image.BufferedImage;
import java.util.List;
import org.openkiosk.device.escpos.PaperWidth;

/**
 * One job as the simulated printer received it.
 *
 * @param number   1, 2, 3 … per simulator
 * @param bytes    every byte of the job except real-time status queries
 * @param tokens   the decoded job, limited to what was actually printed
 * @param complete false when the paper ran out (or the printer was not ready) before the job's end
 */
public record CapturedReceipt(int number, byte[] bytes, List<EscPosToken> tokens, boolean complete) {

    public CapturedReceipt {
        bytes = bytes.clone();
        tokens = List.copyOf(tokens);
    }

    public List<String> textLines() {
        return ReceiptRendering.text(tokens);
    }

    public String text() {
        return String.join("\n", textLines()) + "\n";
    }

    public BufferedImage image(PaperWidth paper) {
        return ReceiptRendering.image(tokens, paper);
    }

    /** Payloads of the QR codes the job printed, in order. */
    public List<String> qrPayloads() {
        return tokens.stream().filter(t -> t instanceof EscPosToken.QrStore).map(t -> ((EscPosToken.QrStore) t).payload()).toList();
    }
}
