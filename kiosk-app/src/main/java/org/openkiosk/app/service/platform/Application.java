package org.openkiosk.app.service.platform;

import java.util.Comparator;
import java.util.List;

/** A citizen's application with its progress, oldest step first. */
public record Application(String id, String serviceCode, String titleZh, String titleEn,
                          List<ProgressEvent> timeline) {

    public Application {
        timeline = timeline.stream().sorted(Comparator.comparing(ProgressEvent::at)).toList();
    }

    /** The latest step, or {@code RECEIVED} for an application without steps yet. */
    public ApplicationStatus currentStatus() {
        return timeline.isEmpty() ? ApplicationStatus.RECEIVED : timeline.get(timeline.size() - 1).status();
    }
}
