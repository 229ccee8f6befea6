package org.openkiosk.device.a4;

import java.util.List;

/** One reading of a job's {@code job-state} and {@code job-state-reasons}. */
public record JobStatus(int jobId, JobState state, List<String> reasons) {
    public JobStatus {
        reasons = List.copyOf(reasons);
    }
}
