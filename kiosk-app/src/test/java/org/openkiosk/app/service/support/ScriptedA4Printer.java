package org.openkiosk.app.service.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openkiosk.app.service.port.A4PrintPort;
import org.openkiosk.app.service.port.PrintOutcome;

/** Test double for the not-yet-merged A4 driver: answers with scripted outcomes, then success. */
public final class ScriptedA4Printer implements A4PrintPort {

    public final List<String> jobs = new CopyOnWriteArrayList<>();
    private final Deque<PrintOutcome> script = new ArrayDeque<>();

    public synchronized ScriptedA4Printer thenAnswer(PrintOutcome outcome) {
        script.add(outcome);
        return this;
    }

    @Override
    public synchronized PrintOutcome print(String jobTitle, byte[] pdf) {
        jobs.add(jobTitle);
        return script.isEmpty() ? PrintOutcome.success() : script.poll();
    }
}
