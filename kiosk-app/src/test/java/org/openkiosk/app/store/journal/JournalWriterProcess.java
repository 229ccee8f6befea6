package org.openkiosk.app.store.journal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;

/**
 * A kiosk's journal alone in its own JVM, writing ratings as fast as it can and printing {@code confirmed KEY} once
 * each append has returned (what the citizen would be told), so that a test can kill it with SIGKILL at any moment.
 * Args: journal file path, and optionally {@code halt-after=N}: the JVM halts itself ({@link Runtime#halt}: no
 * shutdown hooks, no H2 close, no flush of anything) right after printing the N-th confirmation.
 */
public final class JournalWriterProcess {

    private JournalWriterProcess() {}

    public static void main(String[] args) {
        Store local = Stores.open(new StoreConfig(Stores.EMBEDDED, args[0], null, null), Path.of(args[0]).getParent());
        Journal journal = new Journal(local, Clock.systemUTC(), "K-09");
        int haltAfter = args.length > 1 && args[1].startsWith("halt-after=")
                ? Integer.parseInt(args[1].substring("halt-after=".length())) : -1;
        for (int i = 0; ; i++) {
            int level = 1 + i % 5;
            JournalRecord record = local.inTransaction(c -> journal.append(c, RecordKind.RATING,
                    Map.of("service", "exit-entry", "level", Integer.toString(level))));
            System.out.println("confirmed " + record.key());
            System.out.flush();
            if (i + 1 == haltAfter) {
                Runtime.getRuntime().halt(137);
            }
        }
    }
}
