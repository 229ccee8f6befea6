package org.openkiosk.app.cli.store;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.service.rating.HttpRatingsTarget;
import org.openkiosk.app.store.StoreException;
import org.openkiosk.app.store.journal.JournalReading;
import org.openkiosk.app.store.journal.TargetDeliveries;
import org.openkiosk.app.store.journal.TargetRejectedException;
import org.openkiosk.app.store.journal.TargetUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kiosk ratings rejected} and {@code kiosk ratings resend}: the ratings the evaluation platform refused for
 * good (HTTP 400/422, set aside as REJECTED and reported as {@code RATINGS_REJECTED}, ADR 0162), listed, and sent
 * again once the cause is fixed — with the same idempotency key, so the platform takes each once (ADR 0177).
 */
@Command(name = "ratings", mixinStandardHelpOptions = true,
        description = "The ratings the evaluation platform refused: list them, send them again after the fix.",
        subcommands = {RatingsCommand.Rejected.class, RatingsCommand.Resend.class})
public final class RatingsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "rejected", mixinStandardHelpOptions = true,
            description = {"List the ratings set aside as refused by the evaluation platform: key, when given, when",
                    "refused and the platform's answer (no personal data). Works while the kiosk runs."})
    static final class Rejected implements Callable<Integer> {

        @Mixin
        StoreOptions options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                Optional<JournalReading> journal = JournalReading.forReading(options.dataDirectory());
                if (journal.isEmpty()) {
                    out.println("no journal in " + options.dataDirectory() + ": no rating set aside");
                    return ExitCodes.OK;
                }
                try (JournalReading reading = journal.get()) {
                    List<TargetDeliveries.SetAside> setAside = new TargetDeliveries(reading.store())
                            .setAside(HttpRatingsTarget.NAME);
                    for (TargetDeliveries.SetAside s : setAside) {
                        out.println(s.record().key() + "  given " + s.record().createdAt() + "  refused "
                                + s.rejectedAt() + "  " + (s.detail() == null ? "" : s.detail()));
                    }
                    out.println(setAside.size() + " rating" + (setAside.size() == 1 ? "" : "s")
                            + " set aside as rejected" + (setAside.isEmpty() ? ""
                            : "; after the cause is fixed: kiosk ratings resend --all (kiosk stopped)"));
                    return ExitCodes.OK;
                }
            } catch (StoreException e) {
                return StoreCommand.fail(spec, e);
            }
        }
    }

    @Command(name = "resend", mixinStandardHelpOptions = true,
            description = {"Send ratings set aside as rejected to the evaluation platform again, each with its own",
                    "idempotency key (the platform takes it once however often it is sent). Taken: delivered, never",
                    "sent again. Refused again: left set aside. Stop the kiosk first (it holds its journal).",
                    "Exit 0 all taken, 1 some refused again or the platform unreachable, 2 bad options."})
    static final class Resend implements Callable<Integer> {

        @Mixin
        StoreOptions options;

        @Option(names = "--all", description = "every rating set aside")
        boolean all;

        @Parameters(paramLabel = "KEY", arity = "0..*", description = "the ratings' keys (from `kiosk ratings rejected`)")
        List<String> keys = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (all == !keys.isEmpty()) {
                err.println("ratings resend: give --all or the keys of the ratings to send again (not both)");
                return ExitCodes.BAD_CONFIGURATION;
            }
            KioskConfig config;
            try {
                config = ConfigLoader.load(options.configDirectory());
            } catch (ConfigException e) {
                err.println("ratings resend: the configuration in " + options.configDirectory() + " is not valid: "
                        + e.problems().stream().map(Object::toString).collect(Collectors.joining("; ")));
                return ExitCodes.BAD_CONFIGURATION;
            }
            if (config.ratingsTarget().isEmpty()) {
                err.println("ratings resend: kiosk.yaml has no ratingsTarget: section; there is nowhere to send to");
                return ExitCodes.BAD_CONFIGURATION;
            }
            HttpRatingsTarget target = HttpRatingsTarget.of(config.ratingsTarget().get(), config.kiosk().hallId(),
                    System::getenv);
            try {
                Optional<JournalReading> journal = JournalReading.forChanging(options.dataDirectory());
                if (journal.isEmpty()) {
                    out.println("no journal in " + options.dataDirectory() + ": nothing to send again");
                    return ExitCodes.OK;
                }
                try (JournalReading reading = journal.get()) {
                    return resend(new TargetDeliveries(reading.store()), target, out, err);
                }
            } catch (StoreException e) {
                return StoreCommand.fail(spec, e);
            }
        }

        private int resend(TargetDeliveries deliveries, HttpRatingsTarget target, PrintWriter out, PrintWriter err) {
            List<TargetDeliveries.SetAside> setAside = deliveries.setAside(HttpRatingsTarget.NAME);
            List<TargetDeliveries.SetAside> chosen = all ? setAside : setAside.stream()
                    .filter(s -> keys.contains(s.record().key())).toList();
            for (String key : keys) {
                if (chosen.stream().noneMatch(s -> s.record().key().equals(key))) {
                    err.println("ratings resend: " + key + " is not set aside as rejected (delivered already, or no"
                            + " such rating): not sent");
                }
            }
            int taken = 0;
            int refused = 0;
            for (TargetDeliveries.SetAside s : chosen) { // oldest first, as the lane sends them
                String key = s.record().key();
                try {
                    target.deliver(s.record());
                    deliveries.deliveredAfterRejection(HttpRatingsTarget.NAME, key, Clock.systemUTC().instant(),
                            "sent again by a technician after it was refused (" + s.detail() + ")");
                    out.println(key + ": taken");
                    taken++;
                } catch (TargetRejectedException e) {
                    out.println(key + ": refused again, left set aside: " + e.getMessage());
                    refused++;
                } catch (TargetUnavailableException e) {
                    err.println("ratings resend: " + e.getMessage() + "; stopped after " + taken + " taken — the"
                            + " rest stay set aside, run it again when the platform answers");
                    return ExitCodes.FAILURE;
                }
            }
            out.println(taken + " taken, " + refused + " refused again"
                    + (chosen.isEmpty() ? " (nothing set aside" + (all ? "" : " with those keys") + ")" : ""));
            boolean everyKeyFound = all || chosen.size() == keys.size();
            return refused == 0 && everyKeyFound ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
