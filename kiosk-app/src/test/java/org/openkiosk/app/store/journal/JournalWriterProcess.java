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
 * Args: journal file path.
 */
public final class JournalWriterProcess {

    private JournalWriterProcess() {}

    public static void main(String[] args) {
        Store local = Stores.open(new StoreConfig(Stores.EMBEDDED, args[0], null, null), Path.of(args[0]).getParent());
        Journal journal = new Journal(local, Clock.systemUTC(), "K-09");
        for (int i = 0; ; i++) {
            int level = 1 + i % 5;
            JournalRecord record = local.inTransaction(c -> journal.append(c, RecordKind.RATING,
                    Map.of("service", "exit-entry", "level", Integer.toString(level))));
            System.out.println("confirmed " + record.key());
            System.out.flush();
        }
    }
}
