package org.openkiosk.app.doctor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.KioskConfig;

/**
 * Runs the installation checks of {@code kiosk doctor}: each on its own daemon thread with a time limit, so that a
 * hanging OS call (a serial driver, a font file on a dead mount) shows up as a failed check instead of a hung
 * command.
 */
public final class Doctor {

    public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(15);

    private final UnaryOperator<String> environment;

    public Doctor(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    public List<CheckResult> run(Path configDir, Path dataDir) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kiosk-doctor");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CheckResult> results = new ArrayList<>();
            results.add(timed(executor, "Java", true, SystemChecks::java));
            KioskConfig[] config = new KioskConfig[1];
            results.add(timed(executor, "configuration", true, () -> {
                try {
                    config[0] = org.openkiosk.app.runtime.KioskConfiguration.load(configDir).kiosk();
                    return SystemChecks.configurationValid(config[0], configDir);
                } catch (ConfigException e) {
                    return SystemChecks.configurationInvalid(e, configDir);
                }
            }));
            results.add(timed(executor, "data directory", true, () -> SystemChecks.dataDirectory(dataDir)));
            results.add(timed(executor, "bundled font", true, SystemChecks::bundledFonts));
            boolean serialNeeded = config[0] != null && config[0].devices().values().stream()
                    .anyMatch(d -> d.uri().scheme().equals("serial"));
            results.add(timed(executor, "serial ports", serialNeeded, () -> SystemChecks.serialPorts(serialNeeded)));
            for (String[] tool : SystemChecks.OS_TOOLS) {
                results.add(timed(executor, tool[0], false, () -> SystemChecks.osTool(tool[0], tool[1], environment)));
            }
            boolean cupsPrinter = config[0] != null && config[0].devices().values().stream()
                    .anyMatch(d -> d.uri().scheme().equals("cups"));
            if (cupsPrinter) { // certificates printed through CUPS must not stay in its spool (issue 14)
                results.add(timed(executor, "CUPS job files", true, () -> SystemChecks.cupsJobFiles(SystemChecks.CUPSD_CONF)));
            }
            if (config[0] != null && StoreKeyCheck.needed(config[0])) { // the embedded store's key (ADR 0119, 0186)
                results.add(timed(executor, StoreKeyCheck.LABEL, StoreKeyCheck.required(config[0]),
                        () -> new StoreKeyCheck(environment).check(config[0], dataDir)));
            }
            if (config[0] != null) { // a face verifier's camera (ADR 0117)
                config[0].devices().values().stream().filter(d -> d.uri().scheme().equals("v4l2")).forEach(d ->
                        results.add(timed(executor, "camera " + d.uri().target(), d.required(),
                                () -> SystemChecks.camera(Path.of(d.uri().target()), d.required(), environment))));
            }
            if (config[0] != null) { // who decodes the card photo for face verification (ADR 0187)
                org.openkiosk.app.config.DeviceConfig face = config[0].devices().get(KioskConfig.FACE_VERIFIER);
                if (face != null) {
                    results.add(timed(executor, SystemChecks.CARD_PHOTO_DECODER, face.required(),
                            () -> SystemChecks.cardPhotoDecoder(face)));
                }
            }
            if (config[0] != null && config[0].ratingsTarget().isPresent()) { // the evaluation platform (ADR 0177)
                KioskConfig kiosk = config[0];
                results.add(timed(executor, RatingsTargetCheck.LABEL, false, () -> RatingsTargetCheck.check(kiosk,
                        kiosk.ratingsTarget().orElseThrow(), dataDir, environment)));
            }
            results.add(timed(executor, "display", false, () -> SystemChecks.display(environment)));
            results.add(timed(executor, "audio", false,
                    () -> SystemChecks.audio(org.openkiosk.app.voice.AudioDevices.PROC_CARDS)));
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    private static CheckResult timed(ExecutorService executor, String label, boolean required,
                                     Supplier<CheckResult> check) {
        Future<CheckResult> future = executor.submit(check::get);
        try {
            return future.get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return CheckResult.fail(label, required, "did not finish within " + CHECK_TIMEOUT.toSeconds() + "s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return CheckResult.fail(label, required, "failed: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail(label, required, "interrupted");
        }
    }
}
