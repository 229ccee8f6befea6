package org.openkiosk.device.escpos;

/**
 * A receipt job that went out.
 *
 * @param id        the job's number on this printer
 * @param confirmed whether the printer said it processed the whole job (GS r 1); {@code false} means every byte was
 *                  sent but the printer cannot say whether it printed: a model without GS r, {@code confirmJobs: off},
 *                  or a link that cannot carry replies. Never "incomplete": such a job must not be printed again
 *                  on the printer's word alone.
 * @param note      why it is not confirmed; empty when confirmed
 */
public record ReceiptJob(long id, boolean confirmed, String note) {

    /** The words for "sent but not confirmable on this model". */
    public static final String NOT_CONFIRMABLE = "sent, not confirmable on this model (it does not answer GS r)";

    public ReceiptJob {
        note = note == null ? "" : note;
    }
}
