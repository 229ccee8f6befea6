package org.openkiosk.device.a4;

/** One job of a printer's job list (Get-Jobs): its id, the name the kiosk gave it and its state. */
public record JobSummary(int jobId, String name, JobState state) {
}
