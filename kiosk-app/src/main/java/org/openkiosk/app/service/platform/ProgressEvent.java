package org.openkiosk.app.service.platform;

import java.time.Instant;

/** One step of an application's timeline. */
public record ProgressEvent(ApplicationStatus status, Instant at, String noteZh) {}
