package org.openkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.logging.PersonalDataRedactor;
import org.openkiosk.app.certificate.CertificateVerifier;
import org.openkiosk.app.certificate.RevokedKeys;
import org.openkiosk.app.certificate.Verdict;
import org.openkiosk.app.runtime.DeviceProblem;
import org.openkiosk.app.service.appointment.AppointmentSlip;
import org.openkiosk.app.service.appointment.Booking;
import org.openkiosk.app.service.appointment.BookingRepository;
import org.openkiosk.app.service.appointment.BookingResult;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.catalogue.CertificateRule;
import org.openkiosk.app.service.catalogue.ServiceCatalogue;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.app.ui.screens.identify.FaceVerificationScreen;
import org.openkiosk.app.ui.screens.maintenance.MaintenanceOutOfServiceScreen;
import org.openkiosk.app.ui.screens.outofservice.DeviceTroubleScreen;
import org.openkiosk.app.ui.startup.StartupProblem;
import org.openkiosk.app.ui.startup.StartupResult;
import org.openkiosk.device.HealthStatus;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.face.FaceMatch;
import org.openkiosk.device.face.FaceVerifier;
import org.openkiosk.device.face.SimulatedCamera;
import org.openkiosk.device.face.SimulatedFaceMatcher;
import org.openkiosk.device.transport.TransportUri;
import org.openkiosk.app.ui.i18n.Language;
import org.openkiosk.app.ui.theme.CompactLayout;
import org.openkiosk.app.ui.screens.certificate.CertificateCheckResultScreen;
import org.openkiosk.app.ui.screens.certificate.CertificateCheckScreen;
import org.openkiosk.app.ui.testing.FlowDriver;
import org.openkiosk.app.ui.testing.FlowRuntime;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.ui.testing.LayoutChecks;
import org.openkiosk.app.ui.testing.ScreenRenderer;
import org.openkiosk.app.ui.testing.TestConfigs;
import org.openkiosk.testsupport.PerceptualDiff;
import org.openkiosk.testsupport.Poll;

/**
 * Visual regression: every screen rendered headless (Monocle) and compared with the committed golden PNGs in
 * {@code kiosk-app/src/test/golden/} ({@link PerceptualDiff}: at most 0.1 % of the pixels may change beyond
 * anti-aliasing): at 1920×1080 in both languages and both themes, and at 1366×768 in English elder mode (the
 * longest texts on the smallest screen). Every screen is also checked in both languages, both themes and both
 * sizes for cut texts, controls outside the window and uneven tiles ({@link LayoutChecks}). The data is synthetic
 * and fixed: the shell's clock stands still, the booking code and the certificate codes are pinned, the camera is
 * the simulator's drawn face (ADR 0142, 0188).
 *
 * <p>After an intended change: {@code mvn -o -pl kiosk-app -am test -Dtest=GoldenScreensTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dkiosk.golden.update=true}, look at the new PNGs, commit them
 * (docs/ui.md, "Golden screenshots"). A failing comparison leaves actual and diff images (changed pixels red)
 * in {@code target/test-output/golden/}.
 */
class GoldenScreensTest {

    static final Path GOLDEN = Paths.get("src/test/golden");
    static final double MAX_CHANGED = 0.001;
    static final boolean UPDATE = Boolean.getBoolean("kiosk.golden.update");

    /** A window size, a language and a theme. */
    record Variant(int width, int height, Language language, boolean elder) {
        String suffix() {
            return width + "x" + height + "-" + language.code() + (elder ? "-elder" : "-normal");
        }
    }

    /** Compared with goldens: both languages in both themes, and the largest texts on the smallest screen. */
    static final List<Variant> GOLDEN_VARIANTS = List.of(
            new Variant(1920, 1080, Language.ZH, false),
            new Variant(1920, 1080, Language.ZH, true),
            new Variant(1920, 1080, Language.EN, false),
            new Variant(1920, 1080, Language.EN, true),
            new Variant(1366, 768, Language.EN, true));

    /** The booking code on the booked screen (the service draws a random one). */
    static final String BOOKING_CODE = "K7M3Q9PX";

    @TempDir
    Path dir;

    private FxShell fx;
    private FlowRuntime runtime;
    private FlowDriver citizen;
    private FaceVerifier faces;
    private final SimulatedFaceMatcher matcher = new SimulatedFaceMatcher(FaceMatch.MATCH);
    private final List<String> failures = new ArrayList<>();

    @AfterEach
    void close() {
        if (fx != null) {
            fx.fx(() -> {
                fx.stage.setWidth(1920);
                fx.stage.setHeight(1080);
            });
            fx.close();
        }
        if (faces != null) {
            faces.close();
        }
        PersonalDataRedactor.clear();
    }

    @Test
    void everyScreenMatchesItsGoldensAndFitsEverySizeLanguageAndTheme() throws Exception {
        // the no-criminal-record certificate at card and face (as config/services.yaml has it): the face step shows
        faces = new FaceVerifier("faceVerifier", new SimulatedCamera(TransportUri.parse("sim:")), matcher, 3);
        faces.open();
        faces.claim();
        faces.enable();
        ServiceCatalogue catalogue = withFaceFor("no-criminal-record");
        fx = FxShell.ready(TestConfigs.demoHall(), ShellOptions.kiosk().withWindowed(true).withDemo(true), clock -> {
            runtime = new FlowRuntime(TestConfigs.demoHall(), dir, clock, catalogue, true);
            runtime.faceVerifier = faces;
            return runtime;
        });
        citizen = new FlowDriver(fx);

        check("attract");
        citizen.touch("service-certificate-printing");
        citizen.awaitScreen("identify");
        check("identify");
        // 人证核验: the first look misses (a steady screen with "try again"), the second matches
        matcher.answerNext(FaceMatch.NO_MATCH);
        citizen.placeCard();
        citizen.awaitScreen(FaceVerificationScreen.ID);
        citizen.await(() -> ((FaceVerificationScreen) fx.ctx().navigator().current()).stateProperty().get()
                == FaceVerificationScreen.State.NO_MATCH, "the face check's miss");
        check("face-verification");
        citizen.touch("face-retry");
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.awaitScreen("certificate-list");
        check("certificate-list");
        citizen.touch("certificate-no-criminal-record");
        citizen.awaitScreen("certificate-preview");
        check("certificate-preview");
        citizen.touch("print");
        citizen.awaitScreen("certificate-outcome");
        check("certificate-printed");
        // the honest failures: out of paper, then another printer fault on "try again"
        runtime.a4.thenAnswer(PrintOutcome.failed("media-empty"));
        citizen.touch("print-another");
        citizen.touch("certificate-household-registration");
        citizen.awaitScreen("certificate-preview");
        citizen.touch("print");
        citizen.awaitScreen("certificate-outcome");
        check("certificate-paper-out");
        runtime.a4.thenAnswer(PrintOutcome.failed("printer reports a hardware fault"));
        citizen.touch("retry");
        citizen.awaitScreen("certificate-preview");
        citizen.touch("print");
        citizen.awaitScreen("certificate-outcome");
        check("certificate-print-failed");
        citizen.touch("done");
        citizen.awaitScreen("rating");
        check("rating");
        citizen.touch("rating-skip");
        citizen.awaitScreen("leaving");
        check("leaving");
        if (citizen.screenId().equals("leaving")) { // it goes back by itself after a while
            citizen.touch("leave");
        }
        citizen.awaitScreen("attract");

        citizen.placeCardOnAttract();
        citizen.awaitScreen("identity-confirmed");
        check("identity-confirmed");
        citizen.touch("start-appointments");
        citizen.awaitScreen("book-service");
        check("book-service");
        citizen.touch("book-exit-entry");
        citizen.awaitScreen("book-day");
        check("book-day");
        citizen.touch("day-2026-11-24");
        citizen.awaitScreen("book-slot");
        check("book-slot");

        // the queries and the walk-in ticket choice, for the same identified citizen (before booking: my
        // appointments would list the new booking's random code)
        for (String screen : new String[] {"queries", "progress", "my-appointments", "guides", "walk-in"}) {
            fx.fx(() -> fx.ctx().navigator().show(switch (screen) {
                case "queries" -> fx.ctx().screens().queries();
                case "progress" -> fx.ctx().screens().progress();
                case "my-appointments" -> fx.ctx().screens().myAppointments();
                case "guides" -> fx.ctx().screens().guides();
                default -> fx.ctx().screens().walkIn();
            }));
            citizen.awaitScreen(screen);
            check(screen);
        }
        fx.fx(() -> fx.ctx().navigator().show(fx.ctx().screens().bookSlot("exit-entry",
                java.time.LocalDate.of(2026, 11, 24), null)));
        citizen.awaitScreen("book-slot");
        citizen.touch("slot-1000");
        citizen.awaitScreen("book-confirm");
        check("book-confirm");
        citizen.touch("book");
        citizen.awaitScreen("booked");
        // the booking as made (its slip is the one the recording printer got; the store has the booking), with the
        // code pinned
        AppointmentSlip slip = runtime.receipts.slips.get(runtime.receipts.slips.size() - 1);
        Booking b = new BookingRepository(runtime.store).byCode(slip.bookingCode()).orElseThrow();
        fx.fx(() -> fx.ctx().navigator().show(fx.ctx().screens().booked(new BookingResult(
                new Booking(b.id(), BOOKING_CODE, b.serviceCode(), b.hallId(), b.date(), b.start(), b.status(),
                        b.holder()), slip, PrintOutcome.success()))));
        citizen.awaitScreen("booked");
        check("booked");
        citizen.touch("done");
        citizen.touch("rating-skip");
        citizen.touch("leave");
        citizen.awaitScreen("attract");

        // 签到取号: the booking is for tomorrow, so no booking today; a walk-in ticket instead
        citizen.touch("service-check-in");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.awaitScreen("check-in");
        check("check-in");
        citizen.touch("walk-in");
        citizen.awaitScreen("walk-in");
        citizen.touch("walkin-household");
        citizen.awaitScreen("ticket");
        check("ticket");
        fx.fx(() -> fx.ctx().endSession());
        citizen.awaitScreen("attract");

        // 证明核验, nobody identified: a genuine code, the same code altered, a code signed with a revoked key
        String genuine = certificateCode("WFZ-2026-000123");
        citizen.touch("service-certificate-check");
        citizen.awaitScreen(CertificateCheckScreen.ID);
        check("certificate-check");
        fx.fx(() -> ((CertificateCheckScreen) fx.ctx().navigator().current()).scanned(genuine));
        citizen.awaitScreen(CertificateCheckResultScreen.ID);
        check("certificate-check-valid");
        citizen.touch("check-another");
        citizen.awaitScreen(CertificateCheckScreen.ID);
        fx.fx(() -> ((CertificateCheckScreen) fx.ctx().navigator().current())
                .scanned(genuine.replace("WFZ-2026-000123", "WFZ-2026-000128")));
        citizen.awaitScreen(CertificateCheckResultScreen.ID);
        check("certificate-check-invalid");
        var revoked = revokedVerifier().verifyPayload(genuine);
        assertThat(revoked.verdict()).isEqualTo(Verdict.REVOKED_KEY);
        fx.fx(() -> fx.ctx().navigator().show(fx.ctx().screens().certificateCheckResult(revoked)));
        citizen.awaitScreen(CertificateCheckResultScreen.ID);
        check("certificate-check-revoked");
        fx.fx(() -> fx.ctx().navigator().home());
        citizen.awaitScreen("attract");

        // the home screen while a device cannot serve: the receipt printer out of paper
        fx.fx(() -> fx.ctx().navigator().show(new DeviceTroubleScreen(fx.ctx(), List.of(new DeviceProblem(
                "receiptPrinter", HealthStatus.error("paper end sensor: out of paper", RecommendedAction.LOAD_PAPER))))));
        citizen.awaitScreen(DeviceTroubleScreen.ID);
        check("device-out-of-service");
        fx.fx(() -> fx.ctx().navigator().home());
        citizen.awaitScreen("attract");

        // the technician's screens: PIN, maintenance, and out of service by the technician
        fx.fx(() -> fx.ctx().maintenance().openPinPad());
        citizen.awaitScreen("maintenance-pin");
        check("maintenance-pin");
        fx.fx(() -> fx.ctx().navigator().show(fx.ctx().screens().maintenance()));
        citizen.awaitScreen("maintenance");
        check("maintenance");
        fx.fx(() -> {
            fx.ctx().maintenance().takeOutOfService("定期保养 scheduled maintenance");
            fx.ctx().maintenance().exit("exit");
        });
        citizen.awaitScreen(MaintenanceOutOfServiceScreen.ID);
        check("maintenance-out-of-service");
        fx.fx(() -> fx.ctx().maintenance().backInService());
        fx.fx(() -> fx.ctx().navigator().home());
        citizen.awaitScreen("attract");

        // last, as it takes the store away: the hall's records cannot be reached when the citizen prints
        citizen.touch("service-certificate-printing");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.touch("certificate-residence");
        citizen.awaitScreen("certificate-preview");
        runtime.store.close();
        citizen.touch("print");
        citizen.awaitIdle();
        assertThat(fx.fx(() -> ((javafx.scene.control.Label) fx.node("#flow-error")).getText()))
                .as("the hall's records cannot be reached").isEqualTo(fx.fx(() -> fx.ctx().messages()
                        .get("error.certificate.hall_offline")));
        check("certificate-hall-offline");

        assertThat(failures).as("golden comparisons and layout checks").isEmpty();
    }

    @Test
    void outOfServiceAtStartMatchesItsGoldensInBothSizes() throws Exception {
        fx = FxShell.empty(ShellOptions.kiosk().withWindowed(true));
        fx.fx(() -> fx.shell.showOutOfService(List.of(
                new StartupProblem(StartupProblem.CONFIG, "config/kiosk.yaml:7 ui.language: unknown \"fr\""),
                StartupProblem.device("receiptPrinter", "/dev/ttyUSB0: no such port")),
                () -> new StartupResult.OutOfService(List.of(new StartupProblem(StartupProblem.CONFIG, "still")))));
        for (int[] size : new int[][] {{1920, 1080}, {1366, 768}}) {
            fx.fx(() -> {
                fx.stage.setWidth(size[0]);
                fx.stage.setHeight(size[1]);
            });
            Poll.until(Duration.ofSeconds(20), "the scene takes the size " + size[0] + "x" + size[1], () -> fx.fx(() ->
                    fx.shell.scene().getWidth() == size[0] && fx.shell.scene().getHeight() == size[1]));
            BufferedImage image = fx.fx(() -> {
                fx.shell.scene().getRoot().applyCss();
                fx.shell.scene().getRoot().layout();
                failures.addAll(LayoutChecks.faults(fx.shell.scene()).stream()
                        .map(f -> "out-of-service " + size[0] + "x" + size[1] + ": " + f).toList());
                return SwingFXUtils.fromFXImage(fx.shell.scene().snapshot(null), null);
            });
            // both languages at once, one theme: the configuration that would choose them may be what is broken
            compare("out-of-service-" + size[0] + "x" + size[1], image);
        }
        assertThat(failures).as("golden comparisons and layout checks").isEmpty();
    }

    /** The shipped catalogue with {@code certificateType} at card and face. */
    private static ServiceCatalogue withFaceFor(String certificateType) throws Exception {
        ServiceCatalogue shipped = new CatalogueLoader().loadDefault();
        List<CertificateRule> certificates = shipped.certificates().stream()
                .map(r -> r.type().equals(certificateType)
                        ? new CertificateRule(r.type(), r.numberPrefix(), r.reprintLimit(), "card-and-face") : r)
                .toList();
        return new ServiceCatalogue(shipped.zone(), shipped.checkIn(), shipped.services(), certificates,
                shipped.platform(), shipped.assurance(), shipped.retention());
    }

    /** The repository's trusted keys with the demo key revoked (a stolen kiosk, ADR 0057). */
    private static CertificateVerifier revokedVerifier() throws IOException {
        var signing = org.openkiosk.app.certificate.SigningConfig.load(Paths.get("..", "config").toAbsolutePath()
                .normalize());
        return new CertificateVerifier(signing.trusted(), new RevokedKeys(java.util.Set.of(signing.signer().keyId())),
                true);
    }

    /** A certificate code with fixed fields (the goldens do not change with the date), signed with the demo key. */
    private static String certificateCode(String number) throws IOException {
        var signer = org.openkiosk.app.certificate.SigningConfig.load(Paths.get("..", "config").toAbsolutePath()
                .normalize()).signer();
        var unsigned = new org.openkiosk.app.certificate.CertificatePayload(number, "no-criminal-record", "测*䶮",
                java.time.LocalDate.of(2026, 11, 23), java.util.Optional.of(java.time.LocalDate.of(2027, 5, 22)),
                "北京市公安局东城分局", new byte[32], signer.keyId(), new byte[0]);
        return signer.sign(unsigned).encode();
    }

    /** The current screen in every size, language and theme: layout checks; goldens for the chosen variants. */
    private void check(String screen) throws IOException {
        citizen.awaitIdle();
        // elder mode switches the voice on; the next screens' goldens show the header as this one found it
        Boolean voiceOn = fx.fx(() -> fx.ctx().voice() == null ? null : fx.ctx().voice().onProperty().get());
        for (int[] size : new int[][] {{1920, 1080}, {1366, 768}}) {
            for (Language language : Language.values()) {
                for (boolean elder : new boolean[] {false, true}) {
                    Variant v = new Variant(size[0], size[1], language, elder);
                    fx.fx(() -> show(v));
                    // the window's new width and height reach the scene in later pulses, not always the same one (a
                    // loaded machine): wait until the scene has both, so the compact layout matches the size drawn
                    Poll.until(Duration.ofSeconds(20), "the scene takes the size " + v.suffix(), () -> fx.fx(() ->
                            fx.shell.scene().getWidth() == v.width() && fx.shell.scene().getHeight() == v.height()
                                    && fx.shell.scene().getRoot().getStyleClass().contains("compact")
                                            == (v.height() < CompactLayout.BELOW)));
                    BufferedImage image = fx.fx(() -> {
                        // no button keeps the focus ring of the last touch: which one has it varies from run to run
                        fx.shell.scene().getRoot().requestFocus();
                        fx.shell.scene().getRoot().applyCss();
                        fx.shell.scene().getRoot().layout();
                        failures.addAll(LayoutChecks.faults(fx.shell.scene()).stream()
                                .map(f -> screen + " " + v.suffix() + ": " + f).toList());
                        return GOLDEN_VARIANTS.contains(v)
                                ? SwingFXUtils.fromFXImage(fx.shell.scene().snapshot(null), null) : null;
                    });
                    if (image != null) {
                        compare(screen + "-" + v.suffix(), image);
                    }
                }
            }
        }
        fx.fx(() -> {
            show(GOLDEN_VARIANTS.get(0));
            if (voiceOn != null) {
                fx.ctx().voice().onProperty().set(voiceOn);
            }
        });
    }

    private void show(Variant v) {
        fx.stage.setWidth(v.width());
        fx.stage.setHeight(v.height());
        fx.ctx().messages().setLanguage(v.language());
        fx.ctx().elderModeProperty().set(v.elder());
    }

    private void compare(String name, BufferedImage actual) throws IOException {
        Path golden = GOLDEN.resolve(name + ".png");
        Path out = ScreenRenderer.outputDir().resolveSibling("golden");
        Files.createDirectories(out);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            PerceptualDiff.writeGolden(actual, golden);
            return;
        }
        if (!Files.exists(golden)) {
            ImageIO.write(actual, "png", out.resolve(name + ".png").toFile());
            failures.add(name + ": no golden " + golden + " (render it with -Dkiosk.golden.update=true)");
            return;
        }
        PerceptualDiff.Result diff;
        try {
            diff = PerceptualDiff.compare(ImageIO.read(golden.toFile()), actual);
        } catch (IllegalArgumentException e) {
            failures.add(name + ": " + e.getMessage());
            return;
        }
        if (!diff.within(MAX_CHANGED)) {
            ImageIO.write(actual, "png", out.resolve(name + ".png").toFile());
            ImageIO.write(diff.where(), "png", out.resolve(name + "-diff.png").toFile());
            failures.add(String.format(Locale.ROOT, "%s: %.3f %% of the pixels changed (at most %.3f %%): see %s",
                    name, diff.changedFraction() * 100, MAX_CHANGED * 100, out.resolve(name + "-diff.png")));
        }
    }
}
