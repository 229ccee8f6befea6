package org.openkiosk.app.ui.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.logging.PersonalDataRedactor;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.catalogue.CertificateRule;
import org.openkiosk.app.service.catalogue.ServiceCatalogue;
import org.openkiosk.app.session.IdentificationMethod;
import org.openkiosk.app.ui.ShellOptions;
import org.openkiosk.app.ui.i18n.Language;
import org.openkiosk.app.ui.screens.identify.FaceVerificationScreen;
import org.openkiosk.app.ui.screens.identify.IdentifyScreen;
import org.openkiosk.app.ui.testing.FlowDriver;
import org.openkiosk.app.ui.testing.FlowRuntime;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.ui.testing.TestConfigs;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.face.FaceMatch;
import org.openkiosk.device.face.FaceVerifier;
import org.openkiosk.device.face.SimulatedCamera;
import org.openkiosk.device.face.SimulatedFaceMatcher;
import org.openkiosk.device.transport.TransportUri;

/**
 * 人证核验 in the headless shell with the simulated camera: a certificate type at card-and-face takes the card,
 * then the face; a miss says what to do and offers "try again"; after the last attempt the citizen is sent to
 * the staff; a service at card never sees the face step.
 */
class FaceVerificationFlowTest {

    @TempDir
    Path dir;

    private FxShell fx;
    private FlowRuntime runtime;
    private FlowDriver citizen;
    private final SimulatedFaceMatcher matcher = new SimulatedFaceMatcher(FaceMatch.MATCH);

    private void start(int attempts) throws Exception {
        start(attempts, matcher);
    }

    private void start(int attempts, org.openkiosk.device.face.FaceMatcher faces) throws Exception {
        start(attempts, faces, "sim:");
    }

    private void start(int attempts, org.openkiosk.device.face.FaceMatcher faces, String camera) throws Exception {
        ServiceCatalogue faceForCertificates = withFaceFor("no-criminal-record");
        FaceVerifier verifier = new FaceVerifier("faceVerifier", new SimulatedCamera(TransportUri.parse(camera)),
                faces, attempts);
        enable(verifier);
        fx = FxShell.ready(TestConfigs.demoHall(), ShellOptions.kiosk().withWindowed(true), clock -> {
            runtime = new FlowRuntime(TestConfigs.demoHall(), dir, clock, faceForCertificates);
            runtime.faceVerifier = verifier;
            return runtime;
        });
        citizen = new FlowDriver(fx);
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
        PersonalDataRedactor.clear();
    }

    @Test
    void cardThenFaceReachesCardAndFaceAndTheCertificateIsPrinted() throws Exception {
        start(3);
        identifiedWithTheCardFor("service-certificate-printing", IdentificationMethod.ID_CARD_AND_FACE);
        citizen.touch("continue");
        citizen.awaitScreen("certificate-list");
        citizen.touch("certificate-no-criminal-record");
        citizen.awaitScreen("certificate-preview");
        citizen.touch("print");
        citizen.awaitScreen("certificate-outcome");
        assertThat(fx.<Label>node("#outcome-message").getText()).isEqualTo("已打印，请取走证明。");
    }

    @Test
    void aMissSaysWhatToDoAndTryAgainLetsTheCitizenThrough() throws Exception {
        start(3);
        matcher.answerNext(FaceMatch.NO_MATCH);
        cardToTheFaceScreen();
        citizen.await(() -> state() == FaceVerificationScreen.State.NO_MATCH, "the miss");
        faceStatusSays("未能确认是本人。请正对摄像头，然后点“重试”。", "We could not confirm it is you.");
        assertThat(fx.fx(() -> fx.ctx().sessions().isActive())).as("no session before the face matched").isFalse();
        citizen.touch("face-retry");
        citizen.awaitScreen("identity-confirmed");
        assertThat(fx.fx(() -> fx.ctx().sessions().current().orElseThrow().method()))
                .isEqualTo(IdentificationMethod.ID_CARD_AND_FACE);
    }

    @Test
    void aFailedLivenessCheckIsAPlainLookAgainAndUsesUpAnAttempt() throws Exception {
        start(2);
        matcher.answerNext(FaceMatch.NOT_LIVE);
        cardToTheFaceScreen();
        citizen.await(() -> state() == FaceVerificationScreen.State.LOOK_AGAIN, "look again");
        faceStatusSays("请再看一次摄像头：正对镜头，保持不动，然后点“重试”。", "Please look at the camera again");
        assertThat(fx.fx(() -> fx.<Button>node("#face-retry").isVisible())).isTrue();
        assertThat(fx.fx(() -> fx.ctx().sessions().isActive())).isFalse();
        matcher.answerNext(FaceMatch.NOT_LIVE);
        citizen.touch("face-retry");
        citizen.await(() -> state() == FaceVerificationScreen.State.USE_STAFF, "two attempts used: the staff");
        assertThat(fx.fx(() -> fx.ctx().sessions().isActive())).isFalse();
    }

    @Test
    void afterTheLastAttemptTheCitizenIsSentToTheStaffWithoutASession() throws Exception {
        start(2);
        matcher.answerNext(FaceMatch.NO_MATCH);
        cardToTheFaceScreen();
        citizen.await(() -> state() == FaceVerificationScreen.State.NO_MATCH, "the first miss");
        matcher.answerNext(FaceMatch.NO_MATCH);
        citizen.touch("face-retry");
        citizen.await(() -> state() == FaceVerificationScreen.State.USE_STAFF, "sent to the staff");
        assertThat(fx.<Label>node("#face-status").getText()).isEqualTo("多次未能核验。请到服务台，由工作人员为您核验身份。");
        assertThat(fx.fx(() -> fx.<Button>node("#face-retry").isVisible())).isFalse();
        assertThat(fx.fx(() -> ((FaceVerificationScreen) fx.ctx().navigator().current()).preview().preview()))
                .as("the final outcome stops the camera picture").isNull();
        assertThat(fx.fx(() -> fx.ctx().sessions().isActive())).isFalse();
    }

    @Test
    void aPlatformThatCannotCompareNowSendsTheCitizenToTheStaffHonestly() throws Exception {
        start(3, new org.openkiosk.device.face.FaceMatcher() {
            @Override
            public void check() {}

            @Override
            public FaceMatch compare(org.openkiosk.device.face.FaceImage live,
                                     org.openkiosk.device.face.FaceReference reference) throws DeviceException {
                throw new DeviceException("face verification: the platform did not answer within 8000 ms",
                        org.openkiosk.device.RecommendedAction.RETRY, true);
            }

            @Override
            public String description() {
                return "an unreachable platform";
            }
        });
        cardToTheFaceScreen();
        citizen.await(() -> state() == FaceVerificationScreen.State.UNAVAILABLE, "the honest outcome");
        assertThat(fx.<Label>node("#face-status").getText()).isEqualTo("人证核验暂时无法进行。请到服务台由工作人员为您办理。");
        assertThat(fx.fx(() -> fx.ctx().sessions().isActive())).isFalse();
    }

    @Test
    void aCheckStillRunningWhenTheCitizenLeavesComparesAnIntactPhotoAndWipesItsOwnCopy() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<org.openkiosk.device.face.FaceReference> seen =
                new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.atomic.AtomicBoolean intactWhenCompared = new java.util.concurrent.atomic.AtomicBoolean();
        start(3, new org.openkiosk.device.face.FaceMatcher() {
            @Override
            public void check() {}

            @Override
            public FaceMatch compare(org.openkiosk.device.face.FaceImage live,
                                     org.openkiosk.device.face.FaceReference reference) throws DeviceException {
                seen.complete(reference);
                try {
                    release.await(); // the citizen walks away meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                intactWhenCompared.set(!allZero(reference.cardPhoto()));
                return FaceMatch.NO_MATCH;
            }

            @Override
            public String description() {
                return "a slow matcher";
            }
        });
        citizen.touch("service-certificate-printing");
        citizen.awaitScreen(IdentifyScreen.ID);
        byte[] wlt = new byte[1024];
        java.util.Arrays.fill(wlt, (byte) 0x5A);
        org.openkiosk.device.idcard.IdCard card = new org.openkiosk.device.idcard.IdCard(
                org.openkiosk.device.idcard.CardType.RESIDENT, "测试", org.openkiosk.device.idcard.Sex.FEMALE, null,
                java.time.LocalDate.of(1949, 12, 31), null, "11010519491231002X", null, java.time.LocalDate.of(2020, 1, 1),
                org.openkiosk.device.idcard.ValidUntil.LONG_TERM, null, null, null, null, null, null,
                new org.openkiosk.device.idcard.WltPhoto(wlt));
        fx.fx(() -> ((IdentifyScreen) fx.ctx().navigator().current()).acceptCard(card));
        // the check is running (and stays so): no waiting for the screen to be idle here
        org.openkiosk.device.face.FaceReference inTheTask = seen.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(inTheTask.hasCardPhoto()).as("the simulated card has a photo").isTrue();
        assertThat(citizen.screenId()).isEqualTo(FaceVerificationScreen.ID);
        // the screen goes while the check runs (the session ended under it, as when the kiosk goes out of service or
        // a technician takes it over; the buttons and the idle timeout wait for the check) and wipes its reference
        fx.fx(() -> fx.ctx().endSession());
        citizen.await(() -> !FaceVerificationScreen.ID.equals(fx.ctx().navigator().current().id()), "the citizen left");
        release.countDown();
        citizen.await(() -> allZero(inTheTask.cardPhoto()), "the task wiped its copy");
        assertThat(intactWhenCompared).as("the comparison saw the photo, not zeros").isTrue();
    }

    /** Three solid colours, one file each, for a camera playing them: the live picture changes. */
    private Path colourFrames() throws Exception {
        Path images = java.nio.file.Files.createDirectories(dir.resolve("camera"));
        int[] colours = {0xC81E1E, 0x1EC81E, 0x1E1EC8};
        for (int i = 0; i < colours.length; i++) {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(320, 240,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 240; y++) {
                for (int x = 0; x < 320; x++) {
                    image.setRGB(x, y, x < 40 ? 0xFFFFFF : colours[i]); // a bar: not an empty frame to the matcher
                }
            }
            javax.imageio.ImageIO.write(image, "png", images.resolve("f" + i + ".png").toFile());
        }
        return images;
    }

    /** Measures how long the JavaFX thread takes to run a small task, every 20 ms, while it runs. */
    private static final class FxProbe implements AutoCloseable {
        private final java.util.concurrent.atomic.AtomicLong worstNanos = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        private final Thread thread = new Thread(this::probe, "fx probe");

        FxProbe() {
            thread.setDaemon(true);
            thread.start();
        }

        private void probe() {
            while (running.get()) {
                java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
                long posted = System.nanoTime();
                javafx.application.Platform.runLater(ran::countDown);
                try {
                    ran.await();
                    worstNanos.accumulateAndGet(System.nanoTime() - posted, Math::max);
                    Thread.sleep(20); // the probe's own pace, not a synchronisation
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        java.time.Duration worst() {
            return java.time.Duration.ofNanos(worstNanos.get());
        }

        @Override
        public void close() {
            running.set(false);
            thread.interrupt();
        }
    }

    private int centrePixel() {
        return fx.fx(() -> {
            javafx.scene.image.ImageView view = fx.node("#face-preview-image");
            javafx.scene.image.Image image = view.getImage();
            return image == null ? 0
                    : image.getPixelReader().getArgb((int) image.getWidth() / 2, (int) image.getHeight() / 2);
        });
    }

    @Test
    void theFaceScreenShowsALiveChangingPictureThatStopsWhenTheCitizenLeaves() throws Exception {
        start(3, matcher, "sim:" + colourFrames());
        matcher.answerNext(FaceMatch.NO_MATCH);
        citizen.touch("service-certificate-printing");
        citizen.placeCard();
        citizen.awaitScreen(FaceVerificationScreen.ID);
        FacePreviewHandle picture = new FacePreviewHandle();
        try (FxProbe probe = new FxProbe()) {
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            citizen.await(() -> {
                int centre = centrePixel();
                if (centre != 0) {
                    colours.add(centre & 0xFFFFFF);
                }
                return colours.size() >= 3;
            }, "the picture changes with the camera");
            assertThat(colours).contains(0xC81E1E, 0x1EC81E, 0x1E1EC8);
            citizen.await(() -> state() == FaceVerificationScreen.State.NO_MATCH, "the miss");
            assertThat(picture.running()).as("the picture stays while \"try again\" is offered").isTrue();
            citizen.touch("go-home");
            citizen.await(() -> !FaceVerificationScreen.ID.equals(citizen.screenId()), "the citizen left");
            picture.preview.ended().get(10, java.util.concurrent.TimeUnit.SECONDS);
            long shown = picture.shown();
            assertThat(picture.preview.takeLatest()).isNull();
            assertThat(fx.fx(() -> picture.view.framesShownProperty().get())).isEqualTo(shown);
            assertThat(probe.worst()).as("the JavaFX thread answered throughout (loaded machine)")
                    .isLessThan(java.time.Duration.ofSeconds(1));
        }
        assertThat(fx.fx(() -> ((javafx.scene.image.ImageView) picture.view.lookup("#face-preview-image")).getImage()))
                .as("the last picture is painted over and let go").isNull();
    }

    @Test
    void aCameraThatHangsNeverHoldsUpTheScreen() throws Exception {
        Path images = colourFrames();
        // a FIFO named like the first image: reading it blocks, like a camera that hangs
        Path stalled = images.resolve("f0.png");
        java.nio.file.Files.delete(stalled);
        Process mkfifo = new ProcessBuilder("mkfifo", stalled.toString()).start();
        assertThat(mkfifo.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();
        start(3, new org.openkiosk.device.face.FaceMatcher() {
            @Override
            public void check() {}

            @Override
            public FaceMatch compare(org.openkiosk.device.face.FaceImage live,
                                     org.openkiosk.device.face.FaceReference reference) {
                return FaceMatch.NO_MATCH;
            }

            @Override
            public String description() {
                return "never reached";
            }
        }, "sim:" + images);
        citizen.touch("service-certificate-printing");
        try (FxProbe probe = new FxProbe()) {
            citizen.placeCard();
            // not awaitScreen: it waits for the screen's work, and the check waits on the hanging camera
            citizen.await(() -> FaceVerificationScreen.ID.equals(citizen.screenId()), "the face screen");
            FacePreviewHandle picture = new FacePreviewHandle();
            citizen.await(() -> Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("camera preview")
                            && java.util.Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("sun.nio.fs"))),
                    "the camera hangs");
            // the check gives up after its capture timeout and says so; the picture stops without waiting
            citizen.await(() -> state() == FaceVerificationScreen.State.UNAVAILABLE, "the honest outcome");
            assertThat(fx.fx(() -> picture.view.preview())).as("the final outcome stopped the picture").isNull();
            assertThat(picture.running()).as("the preview's thread is still stuck in the read").isTrue();
            citizen.touch("go-home");
            citizen.await(() -> !FaceVerificationScreen.ID.equals(citizen.screenId()), "the citizen left");
            assertThat(probe.worst()).as("the JavaFX thread answered throughout (loaded machine)")
                    .isLessThan(java.time.Duration.ofSeconds(1));
            java.nio.file.Files.write(stalled, new byte[] {1}); // the camera answers at last
            picture.preview.ended().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(picture.preview.takeLatest()).isNull();
        }
    }

    /** The face screen's picture and its preview, taken while the screen is shown. */
    private final class FacePreviewHandle {
        final org.openkiosk.app.ui.screens.identify.FacePreview view;
        final org.openkiosk.device.face.CameraPreview preview;

        FacePreviewHandle() {
            view = fx.fx(() -> ((FaceVerificationScreen) fx.ctx().navigator().current()).preview());
            preview = fx.fx(view::preview);
            assertThat(preview).as("a running camera preview").isNotNull();
        }

        boolean running() {
            return preview.running();
        }

        long shown() {
            return fx.fx(() -> view.framesShownProperty().get());
        }
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aServiceThatNeedsOnlyTheCardHasNoFaceStep() throws Exception {
        start(3);
        identifiedWithTheCardFor("service-queries", IdentificationMethod.ID_CARD);
    }

    private FaceVerificationScreen.State state() {
        return fx.fx(() -> fx.ctx().navigator().current() instanceof FaceVerificationScreen s
                ? s.stateProperty().get() : null);
    }

    /** The citizen chooses {@code service}, places the card and is identified by {@code method}. */
    private void identifiedWithTheCardFor(String service, IdentificationMethod method) {
        citizen.touch(service);
        citizen.awaitScreen(IdentifyScreen.ID);
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        assertThat(fx.fx(() -> fx.ctx().sessions().current().orElseThrow().method())).isEqualTo(method);
    }

    /** The citizen chooses certificate printing and places the card: the face step is next. */
    private void cardToTheFaceScreen() {
        citizen.touch("service-certificate-printing");
        citizen.placeCard();
        citizen.awaitScreen(FaceVerificationScreen.ID);
    }

    /** The face status says {@code chinese}; switched to English, it begins with {@code english}. */
    private void faceStatusSays(String chinese, String english) {
        assertThat(fx.<Label>node("#face-status").getText()).isEqualTo(chinese);
        fx.fx(() -> fx.ctx().messages().setLanguage(Language.EN));
        assertThat(fx.<Label>node("#face-status").getText()).startsWith(english);
    }

    private static ServiceCatalogue withFaceFor(String certificateType) throws Exception {
        ServiceCatalogue shipped = new CatalogueLoader().loadDefault();
        List<CertificateRule> certificates = shipped.certificates().stream()
                .map(r -> r.type().equals(certificateType)
                        ? new CertificateRule(r.type(), r.numberPrefix(), r.reprintLimit(), "card-and-face") : r)
                .toList();
        return new ServiceCatalogue(shipped.zone(), shipped.checkIn(), shipped.services(), certificates,
                shipped.platform(), shipped.assurance(), shipped.retention());
    }

    private static void enable(FaceVerifier verifier) throws DeviceException {
        verifier.open();
        verifier.claim();
        verifier.enable();
    }
}
