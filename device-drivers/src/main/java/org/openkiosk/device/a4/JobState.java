package org.openkiosk.device.a4;

import org.openkiosk.device.a4.ipp.IppEnum;

/** IPP {@code job-state} values (RFC 8011 §5.3.7). */
public enum JobState implements IppEnum {
    PENDING(3),
    PENDING_HELD(4),
    PROCESSING(5),
    PROCESSING_STOPPED(6),
    CANCELED(7),
    ABORTED(8),
    COMPLETED(9),
    UNKNOWN(-1);

    private final int code;

    JobState(int code) {
        this.code = code;
    }

    public static JobState of(int code) {
        return IppEnum.byCode(JobState.class, code).orElse(UNKNOWN);
    }

    /** The IPP enum value (-1 for {@link #UNKNOWN}). */
    @Override
    public int code() {
        return code;
    }

    /** The keyword of RFC 8011, e.g. {@code processing-stopped}. */
    public String keyword() {
        return name().toLowerCase().replace('_', '-');
    }

    public boolean isTerminal() {
        return this == CANCELED || this == ABORTED || this == COMPLETED;
    }
}
