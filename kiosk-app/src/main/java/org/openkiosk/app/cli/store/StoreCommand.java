package org.openkiosk.app.cli.store;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreException;
import org.openkiosk.app.store.StoreUnavailableException;
import org.openkiosk.app.store.Stores;
import org.openkiosk.app.store.journal.Journal;
import org.openkiosk.app.store.journal.JournalForwarding;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kiosk store migrate | seed-demo | reforward}: prepare the kiosk's database, repair forwarding. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Prepare the kiosk's database (embedded H2 file, or PostgreSQL with --store-url).",
        subcommands = {StoreCommand.Migrate.class, StoreCommand.SeedDemo.class, StoreCommand.Reforward.class})
public final class StoreCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Shared failure handling: a database that cannot be reached is "out of service", anything else a failure. */
    static int fail(CommandLine.Model.CommandSpec spec, StoreException e) {
        spec.commandLine().getErr().println("store: " + e.getMessage());
        return e instanceof StoreUnavailableException ? ExitCodes.OUT_OF_SERVICE : ExitCodes.FAILURE;
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Create or upgrade the schema to the latest version (the kiosk also does this at start).")
    static final class Migrate implements Callable<Integer> {

        @Mixin
        StoreOptions options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Store store = Stores.open(options.storeConfig(), options.dataDirectory())) {
                spec.commandLine().getOut().println("store " + store.description() + ": schema is up to date");
                return ExitCodes.OK;
            } catch (StoreException e) {
                return fail(spec, e);
            }
        }
    }

    @Command(name = "seed-demo", mixinStandardHelpOptions = true,
            description = "Fill an empty store with synthetic demo citizens, applications, certificates, halls and guides.")
    static final class SeedDemo implements Callable<Integer> {

        @Mixin
        StoreOptions options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Store store = options.open()) {
                boolean seeded = DemoData.seed(store, Clock.systemUTC());
                spec.commandLine().getOut().println(seeded
                        ? "store " + store.description() + ": demo data added (test person 测试, "
                                + DemoData.TEST_PERSON.masked() + ")"
                        : "store " + store.description() + ": already has citizens; left unchanged");
                return ExitCodes.OK;
            } catch (StoreException e) {
                return fail(spec, e);
            }
        }
    }

    @Command(name = "reforward", mixinStandardHelpOptions = true,
            description = {"Send this kiosk's journal records written or forwarded since a time to the hall store"
                    + " again, after the hall store was restored from a backup older than them. The hall store takes"
                    + " only those it lacks (ADR 0160). A running kiosk does this by itself when the hall store lacks"
                    + " its newest forwarded record (ADR 0198); this command is for a hall store that holds none of"
                    + " its records. Stop the kiosk first: its journal file is open while it runs."})
    static final class Reforward implements Callable<Integer> {

        @Mixin
        StoreOptions options;

        @CommandLine.Option(names = "--since", required = true, paramLabel = "INSTANT",
                description = "the time of the restored backup, e.g. 2026-12-01T18:00:00Z")
        java.time.Instant since;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            java.nio.file.Path data = options.dataDirectory();
            java.nio.file.Path file = data.resolve(JournalForwarding.JOURNAL_FILE);
            if (!java.nio.file.Files.exists(data.resolve(JournalForwarding.JOURNAL_FILE + ".mv.db"))) {
                spec.commandLine().getErr().println("store: no journal at " + file + ".mv.db (only kiosks with"
                        + " store type postgresql keep one)");
                return ExitCodes.FAILURE;
            }
            try (Store local = Stores.open(new org.openkiosk.app.config.StoreConfig(Stores.EMBEDDED, file.toString(),
                    null, null), data)) {
                int marked = new Journal(local, Clock.systemUTC(), "reforward").markUnforwardedSince(since);
                spec.commandLine().getOut().println("journal " + local.description() + ": " + marked
                        + " records since " + since + " (written or forwarded) will be forwarded again when the"
                        + " kiosk runs");
                return ExitCodes.OK;
            } catch (StoreException e) {
                return fail(spec, e);
            }
        }
    }
}
