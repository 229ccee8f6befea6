package org.openkiosk.app.ui.widgets;

import java.util.List;

/**
 * Where a screen stands in a multi-step flow, for the step indicator ("1 选择 → 2 核对 → 3 打印").
 *
 * @param stepKeys bundle keys of the flow's steps, in order
 * @param current  the 0-based index of this screen's step
 */
public record FlowStep(List<String> stepKeys, int current) {

    public static final List<String> CERTIFICATE = List.of("steps.certificate.choose", "steps.certificate.check",
            "steps.certificate.print");
    public static final List<String> BOOKING = List.of("steps.booking.service", "steps.booking.day",
            "steps.booking.time", "steps.booking.confirm");

    public FlowStep {
        stepKeys = List.copyOf(stepKeys);
        if (current < 0 || current >= stepKeys.size()) {
            throw new IllegalArgumentException("step " + current + " of " + stepKeys.size());
        }
    }

    public static FlowStep certificate(int current) {
        return new FlowStep(CERTIFICATE, current);
    }

    public static FlowStep booking(int current) {
        return new FlowStep(BOOKING, current);
    }
}
