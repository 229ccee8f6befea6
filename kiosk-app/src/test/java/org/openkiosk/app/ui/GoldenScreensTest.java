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
 * Visual regression: key citizen screens rendered headless (Monocle) at 1920×1080 and 1366×768 and compared with
 * the committed golden PNGs in {@code kiosk-app/src/test/golden/} ({@link PerceptualDiff}: at most 0.1 % of the
 * pixels may change beyond anti-aliasing). Every screen is also checked in both languages, both themes and both
 * sizes for cut texts, controls outside the window and uneven tiles ({@link LayoutChecks}).
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

    /** Compared with goldens: the common case, the largest texts, the largest texts on the smallest screen. */
    static final List<Variant> GOLDEN_VARIANTS = List.of(
            new Variant(1920, 1080, Language.ZH, false),
            new Variant(1920, 1080, Language.EN, true),
            new Variant(1366, 768, Language.EN, true));

    @TempDir
    Path dir;

    private FxShell fx;
    private FlowDriver citizen;
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
        PersonalDataRedactor.clear();
    }

    @Test
    void keyScreensMatchTheirGoldensAndFitEverySizeLanguageAndTheme() throws Exception {
        fx = FxShell.ready(TestConfigs.demoHall(), ShellOptions.kiosk().withWindowed(true).withDemo(true),
                clock -> new FlowRuntime(TestConfigs.demoHall(), dir, clock));
        citizen = new FlowDriver(fx);

        check("attract");
        citizen.touch("service-certificate-printing");
        citizen.awaitScreen("identify");
        check("identify");
        citizen.placeCard();
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

        // the queries and the walk-in ticket choice, for the same identified citizen
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
        fx.fx(() -> fx.ctx().endSession());
        citizen.awaitScreen("attract");

        // 证明核验, nobody identified: a genuine code, then the same code altered
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

        assertThat(failures).as("golden comparisons and layout checks").isEmpty();
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
            ImageIO.write(actual, "png", golden.toFile());
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
