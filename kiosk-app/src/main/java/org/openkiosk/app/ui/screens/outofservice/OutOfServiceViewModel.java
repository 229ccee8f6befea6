package org.openkiosk.app.ui.screens.outofservice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.ui.startup.StartupCheck;
import org.openkiosk.app.ui.startup.StartupProblem;
import org.openkiosk.app.ui.startup.StartupResult;
import org.openkiosk.app.ui.work.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the current problems and retries the start-up check in the background every {@code interval}; when a
 * retry succeeds, {@code onRecovered} gets the configuration. {@link #tick()} is driven by the view's
 * timeline (or a test) and reads time from the injected clock.
 */
public final class OutOfServiceViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(OutOfServiceViewModel.class);

    private final StartupCheck check;
    private final BackgroundWork work;
    private final Clock clock;
    private final Duration interval;
    private final Consumer<KioskConfig> onRecovered;
    private final ReadOnlyObjectWrapper<List<StartupProblem>> problems = new ReadOnlyObjectWrapper<>(this, "problems");
    private final ReadOnlyLongWrapper secondsToRetry = new ReadOnlyLongWrapper(this, "secondsToRetry");
    private final ReadOnlyBooleanWrapper retrying = new ReadOnlyBooleanWrapper(this, "retrying");
    private Instant nextRetry;
    private BackgroundWork.Job job;
    private int attempts;

    public OutOfServiceViewModel(List<StartupProblem> initial, StartupCheck check, BackgroundWork work, Clock clock,
                                 Duration interval, Consumer<KioskConfig> onRecovered) {
        this.check = check;
        this.work = work;
        this.clock = clock;
        this.interval = interval;
        this.onRecovered = onRecovered;
        setProblems(initial);
        nextRetry = clock.instant().plus(interval);
        updateCountdown();
    }

    public ReadOnlyObjectProperty<List<StartupProblem>> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** The codes, e.g. {@code E-CONFIG · E-DEV-idReader}. */
    public String codes() {
        return problems.get().stream().map(StartupProblem::code).distinct().collect(Collectors.joining(" · "));
    }

    public ReadOnlyLongProperty secondsToRetryProperty() {
        return secondsToRetry.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty retryingProperty() {
        return retrying.getReadOnlyProperty();
    }

    public int attempts() {
        return attempts;
    }

    /** Starts a retry when it is due and none is running. */
    public void tick() {
        if (!retrying.get() && !clock.instant().isBefore(nextRetry)) {
            retryNow();
        }
        updateCountdown();
    }

    public void retryNow() {
        if (retrying.get()) {
            return;
        }
        retrying.set(true);
        attempts++;
        job = work.run(check::check, this::onResult, failure -> {
            // a check that throws is a bug, but the kiosk stays out of service and keeps trying
            LOG.error("start-up check failed unexpectedly", failure);
            onResult(new StartupResult.OutOfService(
                    List.of(new StartupProblem("E-INTERNAL", failure.getClass().getSimpleName()))));
        });
    }

    public void stop() {
        if (job != null) {
            job.cancel();
        }
    }

    private void onResult(StartupResult result) {
        retrying.set(false);
        nextRetry = clock.instant().plus(interval);
        if (result instanceof StartupResult.Ready ready) {
            LOG.info("start-up check passed after {} retries; back in service", attempts);
            onRecovered.accept(ready.config());
        } else if (result instanceof StartupResult.OutOfService oos) {
            setProblems(oos.problems());
        }
        updateCountdown();
    }

    private void setProblems(List<StartupProblem> list) {
        problems.set(List.copyOf(list));
        LOG.warn("out of service: {}", list.stream().map(p -> p.code() + " " + p.detail())
                .collect(Collectors.joining("; ")));
    }

    private void updateCountdown() {
        long s = Duration.between(clock.instant(), nextRetry).toSeconds();
        secondsToRetry.set(Math.max(0, s));
    }
}
