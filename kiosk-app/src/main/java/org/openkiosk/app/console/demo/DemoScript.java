package org.openkiosk.app.console.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openkiosk.app.console.demo.DemoHall.DemoKiosk;
import org.openkiosk.app.runtime.DemoControls;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.HealthCheckLevel;
import org.openkiosk.device.idcard.CardType;

/**
 * What happens in the demo hall by itself, in cycles of 12 steps, each cycle on the next kiosks: step 1 a synthetic
 * resident card is placed on a kiosk's simulated reader, read over the simulator's wire and taken off (the kiosk
 * reports a {@code demo-card-read} event with the card type only); step 3 another kiosk's receipt printer runs out of
 * paper (its tile turns red); step 5 a third kiosk calls for staff, unless its call is still open; step 9 the paper
 * is refilled. The help call stays until someone acknowledges and closes it on the console. Every action goes
 * through {@link DemoControls} on the wire-level simulators, as {@code kiosk demo --headless} input does.
 */
final class DemoScript implements AutoCloseable {

    static final String CARD_EVENT = "demo-card-read";
    private static final int STEPS_PER_CYCLE = 12;

    private final List<DemoKiosk> kiosks;
    private final PrintWriter out;
    private final ScheduledExecutorService steps;
    private long step;

    private DemoScript(List<DemoKiosk> kiosks, PrintWriter out) {
        this.kiosks = kiosks;
        this.out = out;
        this.steps = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-script");
            t.setDaemon(true);
            return t;
        });
    }

    static DemoScript start(List<DemoKiosk> kiosks, Duration pace, PrintWriter out) {
        DemoScript script = new DemoScript(kiosks, out);
        script.steps.scheduleWithFixedDelay(script::next, pace.toMillis(), pace.toMillis(), TimeUnit.MILLISECONDS);
        return script;
    }

    private void next() {
        long s = step++;
        int cycle = (int) (s / STEPS_PER_CYCLE);
        try {
            switch ((int) (s % STEPS_PER_CYCLE)) {
                case 1 -> card(kiosk(cycle));
                case 3 -> paper(kiosk(cycle + 1), true);
                case 5 -> help(kiosk(cycle + 2));
                case 9 -> paper(kiosk(cycle + 1), false);
                default -> { }
            }
        } catch (RuntimeException e) { // the show goes on: one failed step is reported, not fatal
            say("a step failed: " + e);
        }
    }

    private DemoKiosk kiosk(int index) {
        return kiosks.get(index % kiosks.size());
    }

    private void card(DemoKiosk k) {
        DemoControls controls = k.runtime().demoControls().orElseThrow();
        controls.placeCard(CardType.RESIDENT);
        try {
            var reader = k.runtime().idReader();
            if (reader.isPresent()) {
                var card = reader.get().readOnce(Duration.ofSeconds(5));
                if (card.isPresent()) { // the card's contents stay here: only its type leaves the kiosk
                    k.fleet().link().event(CARD_EVENT, Map.of("cardType", CardType.RESIDENT.name()));
                    say(k.id() + ": a resident card was placed and read");
                } else {
                    say(k.id() + ": a card was placed but not read");
                }
            }
        } catch (DeviceException e) {
            say(k.id() + ": the card reader failed: " + e.getMessage());
        } finally {
            controls.removeCard();
        }
    }

    private void paper(DemoKiosk k, boolean out) {
        k.runtime().demoControls().orElseThrow().receiptPaperOut(out);
        k.runtime().receiptPrinter().ifPresent(p -> p.checkHealth(HealthCheckLevel.EXTERNAL));
        if (!out) {
            k.runtime().recheckAllDevices();
        }
        k.fleet().link().update();
        say(k.id() + (out ? ": the receipt printer ran out of paper" : ": receipt paper refilled"));
    }

    private void help(DemoKiosk k) {
        var calls = k.fleet().helpCalls();
        if (calls.current().isPresent()) {
            return; // still waiting for staff
        }
        calls.raise("attract", Optional.empty());
        say(k.id() + ": a citizen pressed \"呼叫工作人员 / Call staff\" (answer it on the console)");
    }

    private void say(String line) {
        synchronized (out) {
            out.println("demo: " + line);
            out.flush();
        }
    }

    @Override
    public void close() {
        steps.shutdownNow();
        try {
            steps.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
